import { assertRole } from "@/lib/auth/require-role";
import { route } from "@/lib/http/route";
import { exportClients } from "@/lib/loyalty/export-clients";

// Every client's phone, e-mail, birthday and balance at once: admins only (staff read clients one page at a
// time). Audited by the use case. The file streams out batch by batch.
export const GET = route({}, async ({ req }) => {
  const user = await assertRole("admin");
  const q = new URL(req.url).searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const chunks = exportClients({ q, actor: { id: user.id, label: user.email } });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="loyalty-clients-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
