import { normalizeGtin } from "@/lib/barcode/gtin";
import type { MessageRef } from "@/lib/http/app-error";
import { detectDelimiter, parseCsvText } from "@/lib/csv/parse-csv-text";

/** `problem` is the `validation` catalogue message the dashboard shows; `error` its English. */
export type GtinCsvProblem = { line: number; value: string; error: string; problem: MessageRef };
export type GtinCsv = { gtins: string[]; problems: GtinCsvProblem[]; lines: number };

/**
 * Reads a GTIN list exported from a spreadsheet or an ERP: either one GTIN per line, or a table whose
 * header row names a `gtin` column (comma, semicolon or tab separated, quotes allowed). Every GTIN's
 * check digit is verified; bad lines are reported by number, not silently dropped.
 */
export function parseGtinCsv(text: string): GtinCsv {
  const records = parseCsvText(text, detectDelimiter(text));
  let column = 0;
  let start = 0;
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const at = header.findIndex((c) => c === "gtin" || c === "ean" || c === "штрихкод");
  if (at >= 0) {
    column = at;
    start = 1;
  }
  const gtins = new Set<string>();
  const problems: GtinCsvProblem[] = [];
  let lines = 0;
  for (const record of records.slice(start)) {
    if (record.raw.trim() === "") continue;
    lines++;
    const line = record.line;
    const value = (record.cells[column] ?? "").trim();
    if (!value) {
      problems.push({ line, value: record.raw.slice(0, 60), error: "No GTIN in this line", problem: { key: "gtinMissing", values: { value: record.raw.slice(0, 60) } } });
      continue;
    }
    if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(value)) {
      problems.push({ line, value, error: "Written in exponent form by a spreadsheet: format the column as text", problem: { key: "gtinExponent", values: { value } } });
      continue;
    }
    const result = normalizeGtin(value);
    if (result.ok) gtins.add(result.gtin);
    else problems.push({ line, value: value.slice(0, 60), error: result.error, problem: result.problem });
  }
  return { gtins: [...gtins], problems, lines };
}
