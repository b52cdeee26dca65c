import { assertRole } from "@/lib/auth/require-role";
import { csvResponse } from "@/lib/http/csv-response";
import { route } from "@/lib/http/route";
import { exportClients } from "@/lib/loyalty/export-clients";

// Every client's phone, e-mail, birthday and balance at once: admins only (staff read clients one page at a
// time). Audited by the use case. The file streams out batch by batch.
export const GET = route({}, async ({ req }) => {
  const user = await assertRole("admin");
  const q = new URL(req.url).searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(exportClients({ q, actor: { id: user.id, label: user.email } }), `loyalty-clients-${day}.csv`);
});
