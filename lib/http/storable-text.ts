export const MAX_DEPTH = 32;

export type TextProblem = { path: string; message: string };

/**
 * What PostgreSQL would refuse deep inside a query (a 500 there): text with U+0000 or a lone UTF-16
 * surrogate, and JSON nested deeper than anyone sends on purpose. Returns the first such field of a
 * validated body, else null. Iterative, so hostile nesting cannot overflow the stack.
 */
export function findUnstorableText(root: unknown): TextProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const where = () => path.join(".") || "body";
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { path: where(), message: "Must not contain the NUL character (\\u0000)" };
      if (!value.isWellFormed()) return { path: where(), message: "Must be valid Unicode text" };
      continue;
    }
    if (!value || typeof value !== "object") continue;
    if (path.length >= MAX_DEPTH) return { path: where(), message: `Nested more than ${MAX_DEPTH} levels deep` };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      if (key.includes("\u0000") || !key.isWellFormed()) {
        return { path: [...path, encodeURIComponent(key.replaceAll("\u0000", "\\u0000"))].join("."), message: "Invalid field name" };
      }
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}
