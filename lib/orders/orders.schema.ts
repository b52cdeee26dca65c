import { z } from "zod";

// Shared by the merchant API, the IMSHOP cancel webhook, the dashboard actions and their forms.

/** Largest total an Int column of kopecks holds, rounded down to a readable number of roubles. */
export const MAX_TOTAL_ROUBLES = 21_000_000;
const MIN_CREATED_AT = Date.UTC(2000, 0, 1) / 1000;
const MAX_CREATED_AT = Date.UTC(2100, 0, 1) / 1000;

/** Empty strings and nulls mean "not given", so optional fields can be sent blank. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : undefined));

/** Order numbers and user ids: ERP systems send them as strings or as plain numbers. */
const idLike = (max: number) =>
  z
    .union([z.string(), z.number().int().nonnegative()], { error: "Expected a string or a whole number" })
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, "Must not be empty").max(max, `At most ${max} characters`));

const optionalIdLike = (max: number) =>
  z
    .union([z.string(), z.number().int().nonnegative(), z.null()], { error: "Expected a string or a whole number" })
    .optional()
    .transform((v) => (v === null || v === undefined || String(v).trim() === "" ? undefined : String(v).trim()))
    .pipe(z.string().max(max, `At most ${max} characters`).optional());

export const statusCodeSchema = z
  .string({ error: "Expected a status code (string)" })
  .trim()
  .min(1, "Must not be empty")
  .max(64, "At most 64 characters")
  .regex(/^[^\u0000-\u001f\u007f]+$/, "Control characters are not allowed")
  // The code is a URL segment on the status pages; "." and ".." would be rewritten by browsers.
  .refine((v) => v !== "." && v !== "..", "Not a valid code");

/** Roubles with at most 2 decimals on the wire → integer kopecks in the database. */
export const roublesToKopecks = z
  .number({ error: "Expected a number of roubles" })
  .nonnegative("Must not be negative")
  .max(MAX_TOTAL_ROUBLES, `At most ${MAX_TOTAL_ROUBLES} roubles`)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "At most 2 decimal places")
  .transform((v) => Math.round(v * 100));

/** Unix seconds (the contract's wire format) or an ISO 8601 date-time with a zone. */
export const wireTimestamp = z
  .union(
    [
      z.number().int("Unix seconds must be a whole number").min(MIN_CREATED_AT).max(MAX_CREATED_AT),
      z.iso.datetime({ offset: true }),
    ],
    { error: "Expected Unix seconds or an ISO 8601 date-time" },
  )
  .transform((v) => (typeof v === "number" ? new Date(v * 1000) : new Date(v)));

export const trackingUrlSchema = z
  .union([z.url({ protocol: /^https?$/, error: "Expected an http(s) URL" }).max(2000, "At most 2000 characters"), z.literal(""), z.null()])
  .optional()
  .transform((v) => (v ? v : undefined));

export const upsertOrderSchema = z.object({
  uuid: optionalIdLike(100),
  internalId: idLike(100),
  userId: optionalIdLike(100),
  total: roublesToKopecks.optional(),
  itemsSummary: optionalText(2000),
  createdAt: wireTimestamp.optional(),
  code: statusCodeSchema,
  message: optionalText(1000),
  trackingUrl: trackingUrlSchema,
});
export type UpsertOrderInput = z.infer<typeof upsertOrderSchema>;

/** Seed 001's body: `id` is IMSHOP's uuid or the merchant's own order number. */
export const orderStatusChangeSchema = z.object({
  id: idLike(100),
  code: statusCodeSchema,
  message: optionalText(1000),
  trackingUrl: trackingUrlSchema,
});
export type OrderStatusChangeInput = z.infer<typeof orderStatusChangeSchema>;

const cancelFields = z.object({
  uuid: optionalIdLike(100),
  internalId: optionalIdLike(100),
  id: optionalIdLike(100),
  status: z.string({ error: "Expected a string" }).trim().optional(),
  reason: optionalText(1000),
});

/**
 * Both editions of IMSHOP's cancel request (contract 2.3): `{uuid, internalId, reason?}`, or the older
 * `{id, status: "canceled", reason?}`. The result remembers which was sent, to answer in the same shape.
 */
export const cancelOrderRequestSchema = cancelFields
  .superRefine((v, ctx) => {
    const legacy = !v.uuid && !v.internalId && (v.id !== undefined || v.status !== undefined);
    if (!legacy) {
      if (!v.uuid && !v.internalId) {
        ctx.addIssue({ code: "custom", path: ["uuid"], message: "uuid or internalId is required" });
      }
      return;
    }
    if (!v.id) ctx.addIssue({ code: "custom", path: ["id"], message: "Required" });
    if (v.status !== "canceled" && v.status !== "cancelled") {
      ctx.addIssue({ code: "custom", path: ["status"], message: 'Expected "canceled"' });
    }
  })
  .transform((v) =>
    !v.uuid && !v.internalId
      ? { shape: "legacy" as const, uuid: undefined, internalId: undefined, id: v.id as string, reason: v.reason }
      : { shape: "current" as const, uuid: v.uuid, internalId: v.internalId, id: undefined, reason: v.reason },
  );
export type CancelOrderRequest = z.infer<typeof cancelOrderRequestSchema>;

// ───────────── dashboard ─────────────

export const orderStatusFormSchema = z
  .object({
    // Any code a merchant system may send, so every unmapped code seen in traffic can be described.
    code: statusCodeSchema,
    description: z.string().trim().min(1, "Required").max(200, "At most 200 characters"),
    buyerText: z.string().trim().min(1, "Required").max(200, "At most 200 characters"),
    imshopStatus: optionalText(64),
    cancellable: z.boolean(),
    final: z.boolean(),
    cancelTargetCode: optionalText(64),
    sortOrder: z.coerce.number().int("Whole number").min(-100000).max(100000).default(0),
  })
  .superRefine((v, ctx) => {
    // A final order can never move again, so offering its cancellation would always fail.
    if (v.cancellable && v.final) {
      ctx.addIssue({ code: "custom", path: ["cancellable"], message: "A final status cannot be cancellable" });
    }
    if (v.cancellable && !v.cancelTargetCode) {
      ctx.addIssue({ code: "custom", path: ["cancelTargetCode"], message: "A cancellable status needs a cancel target" });
    }
    if (v.cancelTargetCode && v.cancelTargetCode === v.code) {
      ctx.addIssue({ code: "custom", path: ["cancelTargetCode"], message: "A status cannot be its own cancel target" });
    }
  });
export type OrderStatusFormInput = z.infer<typeof orderStatusFormSchema>;

export const staffStatusChangeSchema = z.object({
  orderId: z.string().min(1, "Required").max(100),
  code: statusCodeSchema,
  message: optionalText(1000),
  trackingUrl: trackingUrlSchema,
});

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const orderListFilters = z.object({
  status: z.string().trim().min(1).max(64),
  from: dateOnly,
  to: dateOnly,
  user: z.string().trim().min(1).max(100),
  q: z.string().trim().min(1).max(200),
});
export type OrderListFilters = Partial<z.infer<typeof orderListFilters>>;

// ───────────── answers of the order API and the cancel webhook (OpenAPI document, contract tests) ─────────────

const orderState = {
  internalId: z.string(),
  uuid: z.string().nullable().describe("IMSHOP's order UUID, once known"),
  code: z.string().describe("The order's status code now"),
  message: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  version: z.number().int().describe("Grows with every status change"),
};

export const upsertOrderAnswerSchema = z.strictObject({
  success: z.literal(true),
  created: z.boolean(),
  statusChanged: z.boolean(),
  ...orderState,
});

export const orderStatusChangeAnswerSchema = z.strictObject({
  success: z.literal(true),
  changed: z.boolean().describe("false when the order already had this status (nothing is pushed again)"),
  ...orderState,
});

/** Seed 001's answer, or the older edition's `{success, status?, message?}` when the older request came in. */
export const cancelOrderAnswerSchema = z.union([
  z.strictObject({ success: z.boolean(), newStatus: z.string().optional(), newMessage: z.string().optional() }),
  z.strictObject({ success: z.boolean(), status: z.string().optional(), message: z.string().optional() }),
]);
