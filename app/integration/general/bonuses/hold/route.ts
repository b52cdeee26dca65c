import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { route } from "@/lib/http/route";
import { holdBonuses } from "@/lib/loyalty/hold-bonuses";
import { holdRequest } from "@/lib/loyalty/loyalty.schema";
import { idempotentResponse, readIdempotencyKey, runIdempotent } from "@/lib/loyalty/run-idempotent";

export const POST = route(
  { body: holdRequest, auth: (req) => authenticateApiKey(req, { scope: "loyalty" }), errorFormat: "fields", malformedJsonCode: "validation" },
  async ({ req, body, auth }) => {
    const key = readIdempotencyKey(req);
    const answer = await runIdempotent({ scope: `${auth.apiKeyId}:bonuses/hold`, key, request: body }, async (tx) => ({
      success: true,
      held: await holdBonuses({
        clientId: body.client,
        pointId: body.point,
        amount: body.amount,
        durationMinutes: body.duration,
        allowed: auth.pointIds,
        apiKeyId: auth.apiKeyId,
        tx,
      }),
    }));
    return idempotentResponse(answer);
  },
);
