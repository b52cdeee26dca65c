import { prisma } from "@/lib/db";
import { assertRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/http/app-error";
import { route } from "@/lib/http/route";
import { exportFileName, loadExportedStatuses, statusesToCsv, statusesToJson } from "@/lib/orders/export-statuses";

// The status list as a file for the IMSHOP manager (seed 001). Staff may read the list, so they may export it.
export const GET = route({}, async ({ req }) => {
  await assertRole("staff");
  const format = new URL(req.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") {
    throw new AppError("bad_request", 'format must be "json" or "csv"', { fields: { format: 'Expected "json" or "csv"' } });
  }
  const statuses = await loadExportedStatuses(prisma);
  const body = format === "csv" ? statusesToCsv(statuses) : statusesToJson(statuses);
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(format)}"`,
      "cache-control": "no-store",
    },
  });
});
