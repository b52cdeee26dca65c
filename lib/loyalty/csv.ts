import { detectDelimiter, parseCsvText } from "@/lib/csv/parse-csv-text";

// CSV as spreadsheets write it, "," or ";" between fields (Russian Excel uses ";"), picked from the header
// line; read by csv-parse (lib/csv/parse-csv-text.ts).

export { detectDelimiter };

/** Rows of fields; a UTF-8 BOM is dropped and blank lines are skipped. */
export function parseCsv(input: string, delimiter: "," | ";" | "\t" = detectDelimiter(input)): string[][] {
  return parseCsvText(input, delimiter).map((r) => r.cells);
}

/** One CSV line: the shared escaper (lib/csv/csv-cell.ts), ";" by default as Russian Excel reads it. */
export { toCsvLine } from "@/lib/csv/csv-cell";
