import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { route } from "@/lib/http/route";
import { retailRequest } from "@/lib/loyalty/loyalty.schema";
import { recordRetail } from "@/lib/loyalty/record-retail";
import { idempotentResponse, readIdempotencyKey, runIdempotent } from "@/lib/loyalty/run-idempotent";

export const POST = route(
  { body: retailRequest, auth: (req) => authenticateApiKey(req, { scope: "loyalty" }), errorFormat: "fields", malformedJsonCode: "validation" },
  async ({ req, body, auth }) => {
    const key = readIdempotencyKey(req);
    const answer = await runIdempotent({ scope: `${auth.apiKeyId}:retail`, key, request: body }, async (tx) => ({
      success: true,
      retail: await recordRetail({
        clientId: body.client,
        pointId: body.point,
        amountKopecks: body.amountKopecks,
        spend: body.spend,
        holdIds: body.hold,
        allowed: auth.pointIds,
        apiKeyId: auth.apiKeyId,
        tx,
      }),
    }));
    return idempotentResponse(answer);
  },
);
