import { normalizeGtin } from "@/lib/barcode/gtin";
import type { MessageRef } from "@/lib/http/app-error";

/** `problem` is the `validation` catalogue message the dashboard shows; `error` its English. */
export type GtinCsvProblem = { line: number; value: string; error: string; problem: MessageRef };
export type GtinCsv = { gtins: string[]; problems: GtinCsvProblem[]; lines: number };

/**
 * Reads a GTIN list exported from a spreadsheet or an ERP: either one GTIN per line, or a table whose
 * header row names a `gtin` column (comma, semicolon or tab separated, quotes allowed). Every GTIN's
 * check digit is verified; bad lines are reported by number, not silently dropped.
 */
export function parseGtinCsv(text: string): GtinCsv {
  const rows = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const delimiter = detectDelimiter(rows.find((r) => r.trim() !== "") ?? "");
  let column = 0;
  let start = 0;
  const firstIndex = rows.findIndex((r) => r.trim() !== "");
  if (firstIndex >= 0) {
    const header = splitRow(rows[firstIndex], delimiter).map((c) => c.trim().toLowerCase());
    const at = header.findIndex((c) => c === "gtin" || c === "ean" || c === "штрихкод");
    if (at >= 0) {
      column = at;
      start = firstIndex + 1;
    }
  }
  const gtins = new Set<string>();
  const problems: GtinCsvProblem[] = [];
  let lines = 0;
  for (let i = start; i < rows.length; i++) {
    if (rows[i].trim() === "") continue;
    lines++;
    const value = (splitRow(rows[i], delimiter)[column] ?? "").trim();
    if (!value) {
      const row = rows[i].slice(0, 60);
      problems.push({ line: i + 1, value: row, error: "No GTIN in this line", problem: { key: "gtinMissing", values: { value: row } } });
      continue;
    }
    if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(value)) {
      problems.push({ line: i + 1, value, error: "Written in exponent form by a spreadsheet: format the column as text", problem: { key: "gtinExponent", values: { value } } });
      continue;
    }
    const result = normalizeGtin(value);
    if (result.ok) gtins.add(result.gtin);
    else problems.push({ line: i + 1, value: value.slice(0, 60), error: result.error, problem: result.problem });
  }
  return { gtins: [...gtins], problems, lines };
}

function detectDelimiter(row: string): string {
  const counts = [";", "\t", ","].map((d) => [d, row.split(d).length - 1] as const);
  const best = counts.sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ",";
}

/** One CSV row; a quoted cell may hold the delimiter and doubled quotes. */
function splitRow(row: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (quoted) {
      if (ch === '"' && row[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
