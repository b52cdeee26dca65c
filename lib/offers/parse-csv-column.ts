import { stripFormulaGuard } from "@/lib/csv/csv-cell";

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
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const seen = new Set<string>();
  const out: ParsedColumn = { values: [], duplicates: 0, problems: [] };
  let first = true;
  lines.forEach((raw, i) => {
    // An export's formula guard ("'=...") is dropped again, so exported codes import back unchanged.
    const value = stripFormulaGuard(firstCell(raw).trim());
    if (!value) return;
    if (first) {
      first = false;
      if (opts.headers.includes(value.toLowerCase())) return;
    }
    if (value.length > opts.maxLength) {
      out.problems.push({ line: i + 1, reason: `longer than ${opts.maxLength} characters` });
      return;
    }
    if (seen.has(value)) {
      out.duplicates++;
      return;
    }
    seen.add(value);
    out.values.push({ value, line: i + 1 });
  });
  return out;
}

function firstCell(line: string): string {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('"')) return trimmed.split(/[,;\t]/, 1)[0];
  let cell = "";
  for (let i = 1; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (ch === '"') {
      if (trimmed[i + 1] === '"') {
        cell += '"';
        i++;
      } else break;
    } else cell += ch;
  }
  return cell;
}

/** "line 3: …; line 8: …" for the first few problems, so an admin can fix the file. */
export function describeProblems(problems: { line: number; reason: string }[], limit = 5): string {
  const shown = problems.slice(0, limit).map((p) => `line ${p.line}: ${p.reason}`);
  const more = problems.length > limit ? ` (and ${problems.length - limit} more)` : "";
  return shown.join("; ") + more;
}
