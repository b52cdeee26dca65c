import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { campaignInputSchema } from "@/lib/campaigns/campaigns.schema";
import { issueMessage, zodIssueText } from "@/lib/i18n/zod-messages";

const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "validation.json"), "utf8"));
const translator = (locale: string) => {
  const t = createTranslator({ locale, messages: { validation: catalogue(locale) }, namespace: "validation" });
  return (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
};
const ru = translator("ru");

// What the dashboard does with a refused form: parse with the input reported, translate each issue by code.
const fieldTexts = (schema: z.ZodType, input: unknown, t = ru): Record<string, string> => {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) out[issue.path.join(".")] ??= zodIssueText(issue, t);
  return out;
};

describe("zod issues in the staff's language", () => {
  it("translates a form's refusals by code, ignoring the English a schema attached", () => {
    const texts = fieldTexts(campaignInputSchema, {
      name: "",
      startsOn: "2026-13-01",
      bonusPoints: "1.5",
      gtins: ["4601234567890", "123", "12a45678"],
    });
    expect(texts).toEqual({
      name: "Заполните поле.",
      startsOn: "Дата в формате ГГГГ-ММ-ДД.",
      bonusPoints: "Введите целое число.",
      "gtins.0": "4601234567890: неверная контрольная цифра, ожидается 3.",
      "gtins.1": "123: в GTIN 8, 12, 13 или 14 цифр.",
      "gtins.2": "12a45678: GTIN состоит только из цифр.",
    });
  });

  it("words limits with ICU plurals", () => {
    expect(fieldTexts(z.object({ a: z.string().max(1) }), { a: "ab" })).toEqual({ a: "Не длиннее 1 символа." });
    expect(fieldTexts(z.object({ a: z.string().max(200, "At most 200 characters") }), { a: "x".repeat(201) })).toEqual({ a: "Не длиннее 200 символов." });
    expect(fieldTexts(z.object({ a: z.array(z.string()).min(2) }), { a: ["x"] })).toEqual({ a: "Нужно хотя бы 2 значения." });
    expect(fieldTexts(z.object({ a: z.number().min(5) }), { a: 1 }, translator("en"))).toEqual({ a: "At least 5." });
  });

  it("says a missing value is required rather than of the wrong type", () => {
    expect(fieldTexts(z.object({ a: z.string(), b: z.email(), c: z.enum(["x", "y"]) }), { b: "nope", c: "z" })).toEqual({
      a: "Заполните поле.",
      b: "Введите корректный адрес эл. почты.",
      c: "Выберите одно из значений: x, y.",
    });
  });

  it("maps a custom refinement to its own message, or to a generic one when it names none", () => {
    const dates = campaignInputSchema.safeParse({ name: "x", startsOn: "2026-02-02", endsOn: "2026-02-01", bonusPoints: 1 }, { reportInput: true });
    expect(dates.success).toBe(false);
    expect(dates.error!.issues.map((i) => zodIssueText(i, ru))).toEqual(["Окончание раньше начала."]);
    expect(fieldTexts(z.string().refine(() => false, "English only"), "x")).toEqual({ "": "Проверьте значение." });
  });

  it("only ever names messages both catalogues have", () => {
    const keys = new Set([
      ...[
        { code: "invalid_type", expected: "string", input: undefined },
        { code: "invalid_type", expected: "int", input: 1.5 },
        { code: "invalid_type", expected: "number", input: "x" },
        { code: "invalid_type", expected: "boolean", input: "x" },
        { code: "invalid_type", expected: "object", input: 1 },
        { code: "too_small", origin: "string", minimum: 3 },
        { code: "too_small", origin: "number", minimum: 0, inclusive: false },
        { code: "too_small", origin: "array", minimum: 1 },
        { code: "too_small", origin: "date", minimum: 0 },
        { code: "too_big", origin: "number", maximum: 3, inclusive: false },
        { code: "too_big", origin: "set", maximum: 3 },
        { code: "too_big", origin: "date", maximum: 3 },
        { code: "invalid_format", format: "url", input: "x" },
        { code: "invalid_format", format: "starts_with", prefix: "a", input: "x" },
        { code: "invalid_format", format: "ends_with", suffix: "a", input: "x" },
        { code: "invalid_format", format: "regex", input: "x" },
        { code: "not_multiple_of", divisor: 5 },
        { code: "unrecognized_keys", keys: ["x"] },
        { code: "invalid_union" },
      ].map((issue) => issueMessage({ path: [], message: "", ...issue } as never).key),
    ]);
    for (const locale of ["ru", "en"]) for (const key of keys) expect(catalogue(locale), `${locale}: ${key}`).toHaveProperty([key]);
  });
});
