import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/** Every leaf of a catalogue as [dotted key, text]; next-intl reads nested objects the same way. */
export function flattenMessages(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => flattenMessages(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, String(value)]];
}

/** The argument (and rich-text tag) names a message uses, plural/select branches included, sorted. */
export function icuArguments(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const argumentsOrError = (text: string): string[] | Error => {
  try {
    return icuArguments(text);
  } catch (error) {
    return error as Error;
  }
};

/** What differs between the Russian and English catalogue of one namespace; empty when they match. */
export function catalogueProblems(ru: unknown, en: unknown): string[] {
  const ruMap = new Map(flattenMessages(ru));
  const enMap = new Map(flattenMessages(en));
  const problems: string[] = [];
  for (const key of ruMap.keys()) if (!enMap.has(key)) problems.push(`${key}: missing in en`);
  for (const key of enMap.keys()) if (!ruMap.has(key)) problems.push(`${key}: missing in ru`);
  for (const [key, ruText] of ruMap) {
    const enText = enMap.get(key);
    if (enText === undefined) continue;
    const ruArgs = argumentsOrError(ruText);
    const enArgs = argumentsOrError(enText);
    if (ruArgs instanceof Error) problems.push(`${key}: ru does not parse (${ruArgs.message})`);
    if (enArgs instanceof Error) problems.push(`${key}: en does not parse (${enArgs.message})`);
    if (ruArgs instanceof Error || enArgs instanceof Error) continue;
    if (ruArgs.join() !== enArgs.join()) problems.push(`${key}: ICU arguments differ (ru: ${ruArgs.join(", ")}, en: ${enArgs.join(", ")})`);
  }
  return problems;
}
