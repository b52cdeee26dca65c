import { z } from "zod";
import { BARCODE_TYPE_IDS } from "@/lib/barcode-render/barcode-types";

// Shared by the webhook, the redeem API, the server actions and the dashboard forms (no server-only imports).

const required = (field: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? `${field} is required` : `${field} must be a string`),
});

/** IMSHOP and merchant systems send ids as strings; a numeric id is taken as its decimal text. */
const wireId = (field: string, max = 200) =>
  z
    .union([z.string(required(field)), z.number().int().transform(String)], required(field))
    .transform((v) => v.trim())
    .pipe(z.string().min(1, `${field} must not be empty`).max(max, `${field} is longer than ${max} characters`));

// ── Contract 4: the webhook ──────────────────────────────────────────────────────────────────────
export const wireSegmentSchema = z.object({
  id: wireId("segment id"),
  name: z.string("segment name must be a string").trim().max(500, "segment name is longer than 500 characters").nullish(),
});

export const offersRequestSchema = z.object({
  userId: wireId("userId"),
  // A user in no segment may come without the field; anything other than an array is refused.
  segments: z
    .array(wireSegmentSchema, "segments must be an array of {id, name}")
    .max(500, "segments holds more than 500 entries")
    .nullish()
    .transform((v) => v ?? []),
});
export type OffersRequest = z.infer<typeof offersRequestSchema>;
export type WireSegment = z.infer<typeof wireSegmentSchema>;

/** What IMSHOP receives for one offer (seed 003); tests validate every answer against it. */
export const wireOfferSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  promocode: z.string().min(1),
  barcodeType: z.enum(BARCODE_TYPE_IDS),
  online: z.boolean(),
  offline: z.boolean(),
  used: z.boolean(),
  expirationTimestamp: z.number().int().nullable(),
});
export const offersResponseSchema = z.strictObject({ offers: z.array(wireOfferSchema) });
export type WireOffer = z.infer<typeof wireOfferSchema>;
export type OffersResponse = z.infer<typeof offersResponseSchema>;

// ── Redemptions: merchant systems and the dashboard ──────────────────────────────────────────────
export const redeemRequestSchema = z.object({
  offerId: wireId("offerId", 64),
  userId: wireId("userId"),
  code: z
    .string("code must be a string")
    .trim()
    .max(200, "code is longer than 200 characters")
    .nullish()
    .transform((v) => v || null),
});
export type RedeemRequest = z.infer<typeof redeemRequestSchema>;

// ── Offers and segments in the dashboard ─────────────────────────────────────────────────────────
/** Names of the dashboard's own pages under /offers: an offer with such an id could not be opened. */
export const RESERVED_OFFER_IDS = ["new", "preview", "export", "barcode"];

export const offerIdField = z
  .string()
  .trim()
  .min(1, "Enter the offer id")
  .max(64, "The id is longer than 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use Latin letters, digits, '.', '_' and '-'")
  .refine((v) => !RESERVED_OFFER_IDS.includes(v.toLowerCase()), "This id is reserved by the dashboard");

export const segmentIdField = z.string().trim().min(1, "Enter the segment id").max(200, "The id is longer than 200 characters");

export const PROMOCODE_MODES = ["shared", "pool"] as const;
export const TARGETINGS = ["everyone", "segments", "users"] as const;

// Dates come from the browser as ISO strings (the form converts its local time), or empty.
const optionalDate = z
  .union([z.iso.datetime({ offset: true }), z.literal(""), z.null()])
  .optional()
  .transform((v) => (v ? new Date(v) : null));

export const offerInputSchema = z
  .object({
    id: offerIdField,
    name: z.string().trim().min(1, "Enter the name").max(200, "The name is longer than 200 characters"),
    description: z.string().trim().max(2000, "The description is longer than 2000 characters").default(""),
    promocodeMode: z.enum(PROMOCODE_MODES),
    promocode: z
      .string()
      .trim()
      .max(200, "The promocode is longer than 200 characters")
      .nullish()
      .transform((v) => v || null),
    barcodeType: z.enum(BARCODE_TYPE_IDS).default("code128"),
    online: z.boolean(),
    offline: z.boolean(),
    startsAt: optionalDate,
    expiresAt: optionalDate,
    targeting: z.enum(TARGETINGS),
    segmentIds: z.array(segmentIdField).max(200, "At most 200 segments").default([]),
    active: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.promocodeMode === "shared" && !v.promocode) ctx.addIssue({ code: "custom", path: ["promocode"], message: "Enter the promocode" });
    if (!v.online && !v.offline) ctx.addIssue({ code: "custom", path: ["online"], message: "Choose online, offline or both" });
    if (v.startsAt && v.expiresAt && v.expiresAt <= v.startsAt) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "The offer must expire after it starts" });
    }
    if (v.targeting === "segments" && v.segmentIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["segmentIds"], message: "Choose at least one segment" });
    }
  });
export type OfferInput = z.input<typeof offerInputSchema>;
export type OfferData = z.output<typeof offerInputSchema>;

export const offerIdInputSchema = z.object({ offerId: offerIdField });
export const setOfferActiveSchema = z.object({ offerId: offerIdField, active: z.boolean() });

/** CSV text of one column (codes or user ids); additive unless `replace` (max ~900 KB per file, the action body limit). */
export const importListSchema = z.object({
  offerId: offerIdField,
  csv: z.string().min(1, "The file is empty").max(900_000, "The file is larger than 900 KB: split it and import each part"),
  replace: z.boolean().default(false),
});

export const segmentInputSchema = z.object({
  id: segmentIdField,
  name: z.string().trim().min(1, "Enter the name").max(500, "The name is longer than 500 characters"),
});
export const segmentIdInputSchema = z.object({ segmentId: segmentIdField });

export const OFFER_STATUSES = ["current", "scheduled", "expired", "inactive"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const offerListFilters = z.object({
  q: z.string().trim().max(200),
  status: z.enum(OFFER_STATUSES),
  targeting: z.enum(TARGETINGS),
  mode: z.enum(PROMOCODE_MODES),
  segment: segmentIdField,
});
export type OfferListFilters = Partial<z.infer<typeof offerListFilters>>;

export const segmentListFilters = z.object({
  q: z.string().trim().max(200),
  source: z.enum(["admin", "imshop"]),
});

// ── Plain rows that cross to client components (dates as ISO strings) ──────────────────────────
export type OfferRow = {
  id: string;
  name: string;
  description: string;
  promocodeMode: (typeof PROMOCODE_MODES)[number];
  promocode: string | null;
  barcodeType: string;
  online: boolean;
  offline: boolean;
  startsAt: string | null;
  expiresAt: string | null;
  targeting: (typeof TARGETINGS)[number];
  active: boolean;
  status: OfferStatus;
  segmentIds: string[];
  userCount: number;
  codeTotal: number;
  codeFree: number;
  redemptionCount: number;
  createdAt: string;
  updatedAt: string;
};

export type SegmentRow = {
  id: string;
  name: string;
  source: string;
  offerCount: number;
  createdAt: string;
  lastSeenAt: string | null;
};

export type RedemptionRow = { id: string; userId: string; code: string; source: string; createdAt: string };

/** Why the preview left an offer out, in the order they are checked. */
export const EXCLUSION_REASONS = ["inactive", "notStarted", "expired", "notTargeted", "poolExhausted"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** What `POST /api/offers/redeem` answers (OpenAPI document, contract tests). */
export const redeemAnswerSchema = z.strictObject({
  success: z.literal(true),
  offerId: z.string(),
  userId: z.string(),
  code: z.string().describe("The promocode that was used"),
  used: z.literal(true),
  alreadyRedeemed: z.boolean().describe("true when this user's code had been redeemed before: nothing changed"),
  redeemedAt: z.number().int().describe("Unix seconds of the (first) redemption"),
});
