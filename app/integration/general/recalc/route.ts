import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { route } from "@/lib/http/route";
import { recalcRequest } from "@/lib/loyalty/loyalty.schema";
import { recalcPurchase } from "@/lib/loyalty/recalc-purchase";

export const POST = route(
  { body: recalcRequest, auth: (req) => authenticateApiKey(req, { scope: "loyalty" }), errorFormat: "fields", malformedJsonCode: "validation" },
  async ({ body, auth }) => ({
    success: true,
    recalc: await recalcPurchase({
      clientId: body.client,
      pointId: body.point,
      amountKopecks: body.amountKopecks,
      holdIds: body.hold,
      allowed: auth.pointIds,
    }),
  }),
);
