import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { route } from "@/lib/http/route";
import { releaseRequest } from "@/lib/loyalty/loyalty.schema";
import { releaseHold } from "@/lib/loyalty/release-hold";

export const POST = route(
  { body: releaseRequest, auth: (req) => authenticateApiKey(req, { scope: "loyalty" }), errorFormat: "fields", malformedJsonCode: "validation" },
  async ({ body, auth }) => {
    await releaseHold({ holdId: body.id, allowed: auth.pointIds });
    return { success: true };
  },
);
