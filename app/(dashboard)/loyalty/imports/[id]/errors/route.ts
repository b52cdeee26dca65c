import { isLocale, DEFAULT_LOCALE } from "@/i18n/locales";
import { assertRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/http/app-error";
import { csvResponse } from "@/lib/http/csv-response";
import { route } from "@/lib/http/route";
import { exportImportErrors } from "@/lib/imports/export-import-errors";
import { findImport } from "@/lib/imports/imports.queries";

// The error report, in the signed-in user's language.
export const GET = route({}, async ({ params }) => {
  const user = await assertRole("admin");
  const job = await findImport(String(params.id ?? "").slice(0, 100));
  if (!job) throw new AppError("not_found", "Import not found");
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  return csvResponse(exportImportErrors({ importId: job.id, locale }), `import-${job.id}-errors.csv`);
});
