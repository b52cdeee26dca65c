// fast-check generators for what callers get wrong: wrong types, hostile strings, huge and deeply
// nested values, malformed or oversize JSON text.
import fc from "fast-check";

/** A fragment of JSON text spliced into a body as-is (deep nesting that JSON.stringify would overflow on). */
export class RawJson {
  constructor(readonly raw: string) {}
}
const isRaw = (v: unknown): v is RawJson => v instanceof RawJson;

const deepText = (depth: number, kind: "object" | "array") =>
  kind === "object" ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}1${"]".repeat(depth)}`;

/** Nested objects or arrays, from a few levels to thousands (still under the 64 KiB cap). */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .record({ depth: fc.oneof(fc.integer({ min: 2, max: 64 }), fc.integer({ min: 500, max: 10_000 })), kind: fc.constantFrom("object" as const, "array" as const) })
  .map(({ depth, kind }) => new RawJson(deepText(depth, kind)));

/** Strings a database or a parser may choke on: NUL, lone surrogates, control and RTL characters, SQL and HTML. */
export const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\u202eRTL",
    "\r\n\t",
    "' OR 1=1 --",
    '"; DROP TABLE "Scan"; --',
    "<script>alert(1)</script>",
    "%00%ff",
    "../../etc/passwd",
    "😀".repeat(50),
    "NaN",
    "null",
    "true",
    "-0",
    "1e309",
  ),
);

/** Long strings: past every field's limit, and some past the whole body's 64 KiB cap. */
export const hugeString = fc.oneof(
  fc.integer({ min: 201, max: 9000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 65 * 1024, max: 80 * 1024 }).map((n) => "y".repeat(n)),
);

const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -1, 0.001, 1.005, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 1e-7),
);

/** Any value of any type, hostile or huge, to put where a field should be. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: number, weight: 2 },
  { arbitrary: hostileString, weight: 3 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
);

/** Any JSON value at all as the whole body (arrays, scalars, objects with random keys). */
export const anyJsonBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.string({ maxLength: 12 }), badValue, { maxKeys: 8 }),
  deepNesting,
);

/** Bodies that are not JSON, or not only JSON: random text, truncated JSON, trailing garbage, oversize. */
export const malformedText = (validJson: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 200 }).filter((s) => !isJson(s)),
    fc.integer({ min: 1, max: Math.max(1, validJson.length - 1) }).map((n) => validJson.slice(0, n)).filter((s) => !isJson(s)),
    fc.constantFrom("}", ",", "garbage", "\u0000", "]]").map((tail) => validJson + tail),
    fc.constantFrom("{", "[", "{\"a\":", "'single'", "{a:1}", "NaN", "undefined", "{\"a\":1,}", "\ufeff{}", ""),
    fc.integer({ min: 65 * 1024, max: 70 * 1024 }).map((n) => `{"pad":"${"z".repeat(n)}"}`),
  );

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** JSON text for `body`, with RawJson fragments spliced in where they sit. */
export function toJsonText(body: unknown): string {
  const fragments: string[] = [];
  const text = JSON.stringify(body, (_key, value) => {
    if (isRaw(value)) {
      fragments.push(value.raw);
      return `__RAW_${fragments.length - 1}__`;
    }
    return value;
  });
  return fragments.reduce((acc, raw, i) => acc.replace(`"__RAW_${i}__"`, raw), text ?? "null");
}
