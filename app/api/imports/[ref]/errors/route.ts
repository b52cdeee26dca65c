import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { AppError } from "@/lib/http/app-error";
import { csvResponse } from "@/lib/http/csv-response";
import { route } from "@/lib/http/route";
import { exportImportErrors } from "@/lib/imports/export-import-errors";
import { localeFromHeader } from "@/lib/imports/import-messages";
import { findImport } from "@/lib/imports/imports.queries";

// The refused rows as CSV (row, column, reason), in the language of Accept-Language (ru or en).
export const GET = route({ auth: (req) => authenticateApiKey(req, { scope: "imports" }) }, async ({ req, params }) => {
  const job = typeof params.ref === "string" ? await findImport(params.ref.slice(0, 100)) : null;
  if (!job) throw new AppError("not_found", "Import not found");
  return csvResponse(exportImportErrors({ importId: job.id, locale: localeFromHeader(req.headers.get("accept-language")) }), `import-${job.id}-errors.csv`);
});
