import { stripFormulaGuard } from "@/lib/csv/csv-cell";

// RFC 4180 CSV, as spreadsheets write it: quoted fields, doubled quotes, CRLF or LF, and either
// "," or ";" between fields (Russian Excel uses ";"), picked from the header line.

export function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** Rows of fields; a UTF-8 BOM is dropped and blank lines are skipped. */
export function parseCsv(input: string, delimiter: "," | ";" = detectDelimiter(input)): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  // The apostrophe an export put before a formula-like text is dropped again, so a round trip keeps values.
  const endField = () => {
    row.push(stripFormulaGuard(field));
    field = "";
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    field = "";
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** One CSV line: the shared escaper (lib/csv/csv-cell.ts), ";" by default as Russian Excel reads it. */
export { toCsvLine } from "@/lib/csv/csv-cell";
