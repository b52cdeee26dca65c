import { assertRole } from "@/lib/auth/require-role";
import { csvResponse } from "@/lib/http/csv-response";
import { route } from "@/lib/http/route";
import { exportOperations } from "@/lib/loyalty/export-operations";
import { operationFilters } from "@/lib/loyalty/loyalty.schema";

// Every operation with the client's phone: admins only, audited by the use case; streams page by page.
export const GET = route({}, async ({ req }) => {
  const user = await assertRole("admin");
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = operationFilters.omit({ client: true }).partial().safeParse(params);
  const filters = parsed.success ? parsed.data : {};
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(exportOperations({ filters, actor: { id: user.id, label: user.email } }), `loyalty-operations-${day}.csv`);
});
