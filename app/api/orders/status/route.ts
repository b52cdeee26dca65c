import { route } from "@/lib/http/route";
import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { orderStatusChangeSchema } from "@/lib/orders/orders.schema";
import { setOrderStatusFromApi } from "@/lib/orders/set-order-status-from-api";

// Seed 001's body `{id, code, message?, trackingUrl?}`, sent by a merchant system; pushed on to IMSHOP.
export const POST = route(
  { body: orderStatusChangeSchema, auth: (req) => authenticateApiKey(req, { scope: "orders" }) },
  ({ body, auth, requestId }) => setOrderStatusFromApi({ input: body, actor: { id: null, label: `API key: ${auth.name}` }, requestId }),
);
