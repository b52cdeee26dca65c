import { z } from "zod";
import { hasAtMostTwoDecimals, MAX_AMOUNT_ROUBLES, toKopecks } from "@/lib/loyalty/money";

// ───────────── the till API (seed 002): bodies as tills send them ─────────────

// Say "Required" for a missing field rather than zod's "expected string, received undefined".
const required = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "Required" : `Expected ${expected}`;

const id = z.string({ error: required("a string id") }).trim().min(1, "Must not be empty").max(100, "Too long");

const holdIds = z
  .array(id, { error: required("an array of hold ids") })
  .max(50, "At most 50 hold ids")
  .optional()
  .transform((v) => v ?? []);

const roubles = z
  .number({ error: required("a number (roubles)") })
  .positive("Must be more than 0")
  .max(MAX_AMOUNT_ROUBLES, `Must be at most ${MAX_AMOUNT_ROUBLES}`)
  .refine(hasAtMostTwoDecimals, "At most 2 decimals")
  .transform(toKopecks);

const points = z.number({ error: required("an integer number of points") }).int("Expected an integer").min(0, "Must not be negative").max(1_000_000_000, "Too large");

export const clientRequest = z.object({
  // A phone may arrive as a JSON number (the API answers phones as numbers), so accept both.
  search: z
    .union([z.string(), z.number()], { error: required("a phone, card number or app code") })
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, "Must not be empty").max(100, "Too long")),
  point: id,
  hold: holdIds,
});

export const recalcRequest = z
  .object({ client: id, point: id, amount: roubles, hold: holdIds })
  .transform(({ amount, ...rest }) => ({ ...rest, amountKopecks: amount }));

export const HOLD_MINUTES = { min: 1, max: 30, default: 10 } as const;

export const holdRequest = z.object({
  client: id,
  point: id,
  amount: points.min(1, "Must be at least 1"),
  duration: z
    .number({ error: required("an integer number of minutes") })
    .int("Expected an integer number of minutes")
    .min(HOLD_MINUTES.min, `Must be at least ${HOLD_MINUTES.min} minute`)
    .max(HOLD_MINUTES.max, `Must be at most ${HOLD_MINUTES.max} minutes`)
    .optional()
    .transform((v) => v ?? HOLD_MINUTES.default),
});

export const releaseRequest = z.object({ id });

export const retailRequest = z
  .object({ client: id, point: id, amount: roubles, spend: points, hold: holdIds })
  .transform(({ amount, ...rest }) => ({ ...rest, amountKopecks: amount }));

export type ClientRequest = z.infer<typeof clientRequest>;
export type RecalcRequest = z.infer<typeof recalcRequest>;
export type HoldRequest = z.infer<typeof holdRequest>;
export type RetailRequest = z.infer<typeof retailRequest>;

// ───────────── dashboard forms (FormData values arrive as strings) ─────────────

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const wholePercent = z.coerce.number({ error: "Expected a number" }).int("Expected a whole number").min(0, "At least 0").max(100, "At most 100");

export const pointInput = z.object({
  name: z.string().trim().min(1, "Required").max(200, "At most 200 characters"),
  address: optionalText(300),
  active: checkbox,
});

export const levelInput = z.object({
  title: z.string().trim().min(1, "Required").max(100, "At most 100 characters"),
  percent: wholePercent,
  type: z.enum(["cashback", "discount"], { error: "cashback or discount" }),
  maxSpendPercent: wholePercent,
  isDefault: checkbox,
  sortOrder: z.coerce.number().int().min(0).max(10_000).optional().transform((v) => v ?? 0),
});

export const BIRTHDAY = /^\d{4}-\d{2}-\d{2}$/;

export const clientInput = z
  .object({
    name: optionalText(200),
    phone: optionalText(40),
    email: optionalText(200).pipe(z.email("Not an e-mail address").nullable()),
    cardNumber: optionalText(64),
    appCode: optionalText(100),
    birthday: optionalText(10).refine((v) => v === null || (BIRTHDAY.test(v) && !Number.isNaN(Date.parse(v))), "Expected YYYY-MM-DD"),
    // https only: the photo is shown in the dashboard and handed to tills; http would be mixed content and trackable.
    photo: optionalText(500).pipe(z.url({ protocol: /^https$/, error: "Expected an https:// address" }).nullable()),
    levelId: z.string().trim().min(1, "Required"),
  })
  .refine((c) => c.phone || c.cardNumber || c.appCode, {
    message: "A phone, card number or app code is needed so tills can find the client",
    path: ["phone"],
  });

export const adjustmentInput = z.object({
  clientId: z.string().min(1),
  amount: z.coerce
    .number({ error: "Expected a whole number of points" })
    .int("Expected a whole number of points")
    .refine((v) => v !== 0, "Must not be 0")
    .refine((v) => Math.abs(v) <= 10_000_000, "Too large"),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
});

export type PointInput = z.infer<typeof pointInput>;
export type LevelInput = z.infer<typeof levelInput>;
export type ClientInput = z.infer<typeof clientInput>;
export type AdjustmentInput = z.infer<typeof adjustmentInput>;

// ───────────── list filters (URL parameters) ─────────────

const day = z.string().regex(BIRTHDAY);

export const clientFilters = z.object({ q: z.string().trim().max(100) });

export const operationFilters = z.object({
  point: z.string().max(100),
  client: z.string().trim().max(100),
  from: day,
  to: day,
  type: z.enum(["cashback", "discount"]),
  kind: z.enum(["spend", "earn", "refunded"]),
});

// ───────────── the till API's answers (seed 002): the OpenAPI document and the contract tests use these ─────────────

const levelType = z.enum(["cashback", "discount"]);

export const clientAnswerSchema = z.strictObject({
  success: z.literal(true),
  client: z.strictObject({
    id: z.string(),
    name: z.string().nullable(),
    photo: z.string().nullable(),
    birthday: z.string().nullable().describe("YYYY-MM-DD"),
    level: z.strictObject({ id: z.string(), title: z.string(), percent: z.number().int(), type: levelType, maxSpendPercent: z.number().int() }),
    phone: z.number().int().nullable().describe("Digits only, as a number: 79201234567"),
    email: z.string().nullable(),
    balance: z.number().int().describe("Available points (ledger minus holds other than those sent in `hold`); 0 for a discount level"),
  }),
});

export const recalcAnswerSchema = z.strictObject({
  success: z.literal(true),
  recalc: z.strictObject({
    amount: z.number().describe("Roubles"),
    percent: z.number().int(),
    type: levelType,
    spend: z.number().int().describe("The most points the client may spend on this purchase"),
    earn: z.number().int(),
    discount: z.number().optional().describe("Roubles; discount levels only"),
  }),
});

export const holdAnswerSchema = z.strictObject({
  success: z.literal(true),
  held: z.strictObject({ id: z.string(), until: z.number().int().describe("Unix seconds"), amount: z.number().int() }),
});

export const releaseAnswerSchema = z.strictObject({ success: z.literal(true) });

export const retailAnswerSchema = z.strictObject({
  success: z.literal(true),
  retail: z.strictObject({
    amount: z.number().describe("Roubles"),
    total: z.number().describe("Roubles to pay: amount minus spent points (and discount)"),
    percent: z.number().int(),
    type: levelType,
    spend: z.number().int().optional(),
    earn: z.number().int().optional(),
    discount: z.number().optional(),
  }),
});

/** Every loyalty API refusal: `{ "<field>": "<message>" }` (401 `{"apikey": …}`, 422 business and validation). */
export const fieldErrorsSchema = z.record(z.string(), z.string());
