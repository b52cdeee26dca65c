import { route } from "@/lib/http/route";
import { imshopWebhookAuth } from "@/lib/imshop/webhook-auth";
import { listOffersForUser } from "@/lib/offers/list-offers-for-user";
import { offersRequestSchema } from "@/lib/offers/offers.schema";

// Contract 4: IMSHOP asks which personal offers to show a signed-in app user.
export const POST = route({ body: offersRequestSchema, auth: imshopWebhookAuth }, async ({ body, log }) =>
  listOffersForUser({ userId: body.userId, segments: body.segments, log }),
);
