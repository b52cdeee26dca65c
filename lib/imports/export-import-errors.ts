import { dbPool } from "@/lib/db";
import type { Locale } from "@/i18n/locales";
import { toCsvLine } from "@/lib/csv/csv-cell";
import { importsTranslator } from "@/lib/imports/import-messages";

const PAGE = 5000;

/**
 * An import's refused rows as CSV (";" with a BOM, as Russian Excel opens it): row number, column,
 * reason in the reader's language. Read page by page by (row, id), so a million errors stream out.
 */
export async function* exportImportErrors({ importId, locale }: { importId: string; locale: Locale }): AsyncGenerator<string> {
  const t = importsTranslator(locale);
  yield `\uFEFF${toCsvLine([t("report.row"), t("report.column"), t("report.reason")])}\r\n`;
  let after: { row: number; id: string } = { row: -1, id: "0" };
  for (;;) {
    const { rows } = await dbPool().query<{ id: string; row: number; column: string; reason: string; params: Record<string, string | number> | null }>(
      `SELECT id::text, row, "column", reason, params FROM "ImportError"
       WHERE "importId" = $1 AND (row, id) > ($2, $3::bigint) ORDER BY row, id LIMIT ${PAGE}`,
      [importId, after.row, after.id],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => toCsvLine([r.row, r.column, reason(t, r.reason, r.params)])).join("\r\n") + "\r\n";
    if (rows.length < PAGE) return;
    after = { row: rows[rows.length - 1].row, id: rows[rows.length - 1].id };
  }
}

function reason(t: ReturnType<typeof importsTranslator>, key: string, params: Record<string, string | number> | null): string {
  const path = `reasons.${key}` as Parameters<typeof t>[0];
  return t.has(path) ? t(path, params ?? {}) : key;
}
