// The one CSV escaper for every export, and its inverse for every import.

/**
 * First characters that make a spreadsheet treat a cell as a formula (= + - @), or that Excel drops before
 * doing so (tab, carriage return): such a text gets a leading apostrophe, so an exported name or code
 * cannot run anything when the file is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One field: formula guard, then quoted when it holds a quote, either delimiter, a line break or edge spaces. */
export function csvCell(value: CsvValue, delimiter: "," | ";" = ";"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = /[",;\t\r\n]/.test(safe) || safe.includes(delimiter) || safe !== safe.trim();
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsvLine(values: CsvValue[], delimiter: "," | ";" = ";"): string {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter);
}

/** Undoes the export's formula guard on import: "'=1+1" read back is "=1+1", as it was before export. */
export function stripFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
