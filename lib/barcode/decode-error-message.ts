// Decoded codes are stored with the parser's English reason (the API and logs read it; old rows keep it).
// Staff read it through `scans.detail.decodeErrors.*`: each reason the parser writes has a pattern here,
// and a reason without one is shown as stored rather than hidden.

type Values = Record<string, string>;
const PATTERNS: [RegExp, string, (m: RegExpExecArray) => Values][] = [
  [/^Binary data that is not a GS1 code$/, "binary", () => ({})],
  [/^Empty code$/, "emptyCode", () => ({})],
  [/^Empty GS1 data$/, "emptyCode", () => ({})],
  [/^(\d+)-digit code with a wrong check digit$/, "checkDigit", (m) => ({ digits: m[1] })],
  [/^GTIN (\d+) has a wrong check digit$/, "gtinCheckDigit", (m) => ({ gtin: m[1] })],
  [/^Unknown application identifier at position (\d+)$/, "unknownAiAt", (m) => ({ position: m[1] })],
  [/^Unknown application identifier \((\d+)\)$/, "unknownAi", (m) => ({ ai: m[1] })],
  [/^AI (\d+) needs (\d+) characters$/, "aiLength", (m) => ({ ai: m[1], length: m[2] })],
  [/^AI (\d+) is longer than (\d+) characters(?: \(a GS separator missing\?\))?$/, "aiTooLong", (m) => ({ ai: m[1], max: m[2] })],
  [/^AI (\d+) is empty$/, "aiEmpty", (m) => ({ ai: m[1] })],
  [/^AI (\d+) must be digits$/, "aiDigits", (m) => ({ ai: m[1] })],
  [/^AI (\d+) has characters outside the GS1 set$/, "aiCharset", (m) => ({ ai: m[1] })],
  [/^No GS1 elements$/, "noElements", () => ({})],
  [/^Bracketed GS1 data must start with an AI$/, "bracketStart", () => ({})],
];

/** The catalogue message (`scans.detail.decodeErrors.<key>`) for a stored decode error, or null. */
export function decodeErrorMessage(error: string): { key: string; values: Values } | null {
  for (const [pattern, key, values] of PATTERNS) {
    const m = pattern.exec(error);
    if (m) return { key, values: values(m) };
  }
  return null;
}
