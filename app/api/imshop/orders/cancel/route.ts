import { route } from "@/lib/http/route";
import { imshopWebhookAuth } from "@/lib/imshop/webhook-auth";
import { cancelOrderRequestSchema } from "@/lib/orders/orders.schema";
import { cancelOrderFromApp } from "@/lib/orders/cancel-order-from-app";

// A buyer cancels in the app (contract 2.3); answered in whichever of IMSHOP's two shapes was sent.
export const POST = route({ body: cancelOrderRequestSchema, auth: imshopWebhookAuth }, ({ body, requestId }) =>
  cancelOrderFromApp({ request: body, requestId }),
);
