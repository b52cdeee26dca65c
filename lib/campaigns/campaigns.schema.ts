import { z } from "zod";
import { normalizeGtin } from "@/lib/barcode/gtin";
import { messageParams } from "@/lib/i18n/zod-messages";
import { moscowDayEnd, moscowDayStart } from "@/lib/scans/moscow-day";

// Outcomes whose app texts a campaign may override; "denied" also covers a lapsed campaign and a staff denial.
export const CAMPAIGN_TEXT_OUTCOMES = ["approved", "processing", "denied", "duplicate", "limit"] as const;
export type CampaignTextOutcome = (typeof CAMPAIGN_TEXT_OUTCOMES)[number];
export const TEXT_FIELDS = ["alertTitle", "alertMessage", "statusMessage"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const TEXT_LOCALES = ["ru", "en"] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];

const LIMITS: Record<TextField, number> = { alertTitle: 120, alertMessage: 1000, statusMessage: 300 };

// A blank text means "use the default", so blanks are dropped rather than stored.
const text = (field: TextField) =>
  z
    .string()
    .trim()
    .max(LIMITS[field], `At most ${LIMITS[field]} characters`)
    .transform((v) => (v ? v : undefined))
    .optional();

const localeTexts = z.object({
  alertTitle: text("alertTitle"),
  alertMessage: text("alertMessage"),
  statusMessage: text("statusMessage"),
});

const outcomeTexts = z.object({ ru: localeTexts.optional(), en: localeTexts.optional() });

/** `Campaign.texts`: { outcome: { ru: {alertTitle, alertMessage, statusMessage}, en: {…} } }. */
export const campaignTextsSchema = z.object({
  approved: outcomeTexts.optional(),
  processing: outcomeTexts.optional(),
  denied: outcomeTexts.optional(),
  duplicate: outcomeTexts.optional(),
  limit: outcomeTexts.optional(),
});
export type CampaignTexts = z.output<typeof campaignTextsSchema>;

/** Reads the stored JSON; a row written by hand with a bad shape falls back to the defaults, not a crash. */
export function parseCampaignTexts(value: unknown): CampaignTexts {
  const parsed = campaignTextsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Validates each GTIN (check digit included), naming the bad ones by position; returns 14-digit GTINs, once each. */
export const gtinListSchema = z
  .array(z.string())
  .max(100_000, "At most 100000 GTINs")
  .superRefine((list, ctx) => {
    list.forEach((value, index) => {
      const result = normalizeGtin(value);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", path: [index], message: `${value.trim()}: ${result.error}`, params: messageParams(result.problem.key, result.problem.values) });
      }
    });
  })
  .transform((list) => [...new Set(list.map((v) => (normalizeGtin(v) as { gtin: string }).gtin))]);

const isoDate = z.iso.date("Use YYYY-MM-DD");

/** The campaign form and the create/update use cases. Dates are Moscow calendar days, both inclusive. */
export const campaignInputSchema = z
  .object({
    name: z.string().trim().min(1, "Required").max(200, "At most 200 characters"),
    startsOn: isoDate,
    endsOn: isoDate.optional().nullable().or(z.literal("").transform(() => null)),
    bonusPoints: z.coerce.number().int("Whole points").min(0, "At least 0").max(1_000_000, "At most 1000000"),
    autoApprove: z.boolean().default(false),
    perUserDailyLimit: z
      .union([z.literal("").transform(() => null), z.null(), z.coerce.number().int("A whole number").min(1, "At least 1").max(100_000)])
      .optional()
      .transform((v) => v ?? null),
    active: z.boolean().default(true),
    gtins: gtinListSchema.default([]),
    texts: campaignTextsSchema.default({}),
  })
  .refine((c) => !c.endsOn || c.endsOn >= c.startsOn, { path: ["endsOn"], message: "Ends before it starts", params: messageParams("endsBeforeStart") })
  .transform((c) => ({
    ...c,
    endsOn: c.endsOn ?? null,
    startsAt: moscowDayStart(c.startsOn),
    endsAt: c.endsOn ? moscowDayEnd(c.endsOn) : null,
  }));
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CampaignData = z.output<typeof campaignInputSchema>;

export const campaignIdSchema = z.string().min(1).max(100);

export const importGtinsSchema = z.object({
  id: campaignIdSchema,
  csv: z.string().max(2_000_000, "The file is too large (2 MB at most)"),
});

export const campaignListFilters = z.object({
  q: z.string().trim().max(200),
  state: z.enum(["running", "scheduled", "ended", "inactive"]),
});
export type CampaignListFilters = Partial<z.infer<typeof campaignListFilters>>;
