import { parseCsvText } from "@/lib/csv/parse-csv-text";

export type ParsedColumn = {
  /** Distinct values in file order, with the line each came from (1-based). */
  values: { value: string; line: number }[];
  duplicates: number;
  problems: { line: number; reason: string }[];
};

/**
 * Reads the first column of a CSV export (comma, semicolon or tab separated, as Excel and 1C write them;
 * quoted fields allowed), skipping blank lines and a header row whose first cell is one of `headers`.
 */
export function parseCsvColumn(text: string, opts: { headers: string[]; maxLength: number }): ParsedColumn {
  const seen = new Set<string>();
  const out: ParsedColumn = { values: [], duplicates: 0, problems: [] };
  let first = true;
  for (const record of parseCsvText(text, [",", ";", "\t"])) {
    const value = (record.cells[0] ?? "").trim();
    if (!value) continue;
    if (first) {
      first = false;
      if (opts.headers.includes(value.toLowerCase())) continue;
    }
    if (value.length > opts.maxLength) {
      out.problems.push({ line: record.line, reason: `longer than ${opts.maxLength} characters` });
      continue;
    }
    if (seen.has(value)) {
      out.duplicates++;
      continue;
    }
    seen.add(value);
    out.values.push({ value, line: record.line });
  }
  return out;
}

/** "line 3: …; line 8: …" for the first few problems, so an admin can fix the file. */
export function describeProblems(problems: { line: number; reason: string }[], limit = 5): string {
  const shown = problems.slice(0, limit).map((p) => `line ${p.line}: ${p.reason}`);
  const more = problems.length > limit ? ` (and ${problems.length - limit} more)` : "";
  return shown.join("; ") + more;
}
