import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { route } from "@/lib/http/route";
import { redeemOffer } from "@/lib/offers/redeem-offer";
import { redeemRequestSchema } from "@/lib/offers/offers.schema";

// Merchant systems (a till, the site) report that a user's offer code was used.
export const POST = route(
  { body: redeemRequestSchema, auth: (req) => authenticateApiKey(req, { scope: "offers" }) },
  async ({ body, auth, requestId }) => {
    const result = await redeemOffer({
      ...body,
      source: "api",
      actor: { id: null, label: `API key: ${auth.name}` },
      requestId,
    });
    return {
      success: true,
      offerId: result.offerId,
      userId: result.userId,
      code: result.code,
      used: true,
      alreadyRedeemed: result.alreadyRedeemed,
      redeemedAt: Math.floor(result.redeemedAt.getTime() / 1000),
    };
  },
);
