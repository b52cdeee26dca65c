import { parse } from "csv-parse/sync";
import { stripFormulaGuard } from "@/lib/csv/csv-cell";

// The small dashboard forms' CSV (a file already in memory, at most a few MB) read by csv-parse, the same
// library as the bulk imports' streaming reader (lib/imports/read-import-file.ts).

export type CsvRecord = { cells: string[]; line: number; raw: string };

/**
 * Records with the file line each ends on: a BOM dropped, blank lines skipped, quotes and doubled quotes
 * and line breaks inside quotes as spreadsheets write them, a stray quote in an unquoted cell kept as text.
 * The export's formula guard ("'=…") is dropped again, so a round trip keeps values.
 */
export function parseCsvText(text: string, delimiter: string | string[]): CsvRecord[] {
  const records = parse(text, {
    delimiter,
    // Files glued together from several sources mix line endings; csv-parse would keep the first it saw.
    record_delimiter: ["\r\n", "\n", "\r"],
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
  }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  return records.map(({ record, info, raw }) => ({ cells: record.map(stripFormulaGuard), line: info.lines, raw: raw.replace(/\r?\n$/, "") }));
}

/** The separator of the first line: ";" (Russian Excel), tab, or ",". Quoted text is not counted. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const count = (d: string) => firstLine.split(d).length - 1;
  const counts = [[";", count(";")], ["\t", count("\t")], [",", count(",")]] as const;
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ",";
}
