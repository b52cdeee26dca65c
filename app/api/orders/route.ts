import { route } from "@/lib/http/route";
import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { upsertOrderSchema } from "@/lib/orders/orders.schema";
import { upsertOrder } from "@/lib/orders/upsert-order";

// Merchant systems (ERP, site) create and update orders; key with the "orders" scope, as `apikey` or Bearer.
export const POST = route(
  { body: upsertOrderSchema, auth: (req) => authenticateApiKey(req, { scope: "orders" }) },
  ({ body, auth, requestId }) => upsertOrder({ input: body, actor: { id: null, label: `API key: ${auth.name}` }, requestId }),
);
