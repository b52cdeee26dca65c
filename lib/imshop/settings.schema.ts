import { z } from "zod";

// The IMSHOP connection form, shared by the server action and the client form.

const pushUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Must be an http(s) URL")
  .refine((v) => v === "" || URL.canParse(v), "Must be a valid URL");

// A single address or a CIDR range (10.0.0.0/8, 2001:db8::/32).
const ip = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/** The headers IMSHOP's outbound key may travel in. */
export const OUTBOUND_KEY_HEADERS = ["Authorization", "X-Api-Key", "X-Auth-Token", "apikey"] as const;

const int = (min: number, max: number) => z.coerce.number({ error: "Must be a number" }).int("Must be a whole number").min(min).max(max);

export const imshopSettingsSchema = z
  .object({
    scanStatusUrl: pushUrl,
    orderStatusUrl: pushUrl,
    /** Write-only: empty keeps the stored key. */
    outboundKey: z.string().trim().max(1000).default(""),
    clearOutboundKey: z.boolean().default(false),
    // A short list: any header name would let the key be sent as, say, Cookie or Host.
    outboundKeyHeader: z
      .string()
      .trim()
      .transform((v) => OUTBOUND_KEY_HEADERS.find((h) => h.toLowerCase() === v.toLowerCase()) ?? v)
      .pipe(z.enum(OUTBOUND_KEY_HEADERS, { error: `Must be one of ${OUTBOUND_KEY_HEADERS.join(", ")}` })),
    /** One address or CIDR range per line (or comma-separated); empty allows every source. */
    allowedIps: z
      .string()
      .max(10000)
      .default("")
      .transform((v) => v.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(ip, { error: "Each entry must be an IPv4 or IPv6 address or CIDR range" }).max(200)),
    timeoutMs: int(100, 120_000),
    maxAttempts: int(1, 100),
    backoffBaseMs: int(10, 3_600_000),
    backoffMaxMs: int(10, 86_400_000),
    circuitFailureThreshold: int(1, 1000),
    circuitProbeAfterMs: int(100, 86_400_000),
    deliveryLogRetentionDays: int(1, 3650),
  })
  .refine((s) => s.backoffMaxMs >= s.backoffBaseMs, { path: ["backoffMaxMs"], message: "Must not be less than the base back-off" });

export type ImshopSettingsInput = z.input<typeof imshopSettingsSchema>;

// Merchants think in seconds and minutes; the database and the worker keep milliseconds. The form
// speaks the former and this schema converts at that boundary, so nothing behind it changes.
const duration = (unitMs: number, min: number, max: number) =>
  z.coerce
    .number({ error: "Must be a number" })
    .min(min)
    .max(max)
    .transform((v) => Math.round(v * unitMs));
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The settings form's durations, in the units it shows: each names its own field when it is wrong. */
export const IMSHOP_DURATION_FIELDS = {
  timeoutSeconds: { stored: "timeoutMs", unitMs: SECOND },
  backoffBaseSeconds: { stored: "backoffBaseMs", unitMs: SECOND },
  backoffMaxMinutes: { stored: "backoffMaxMs", unitMs: MINUTE },
  circuitProbeAfterSeconds: { stored: "circuitProbeAfterMs", unitMs: SECOND },
} as const;
export type ImshopDurationField = keyof typeof IMSHOP_DURATION_FIELDS;

/** The form's input: the durations above in seconds or minutes, every other field as the stored schema takes it. */
export const imshopSettingsFormSchema = z
  .looseObject({
    timeoutSeconds: duration(SECOND, 0.1, 120),
    backoffBaseSeconds: duration(SECOND, 0.01, 3600),
    backoffMaxMinutes: duration(MINUTE, 0.01, 1440),
    circuitProbeAfterSeconds: duration(SECOND, 0.1, 86_400),
  })
  .refine((s) => s.backoffMaxMinutes >= s.backoffBaseSeconds, { path: ["backoffMaxMinutes"], message: "Must not be less than the base back-off" })
  .transform(({ timeoutSeconds, backoffBaseSeconds, backoffMaxMinutes, circuitProbeAfterSeconds, ...rest }) => ({
    ...rest,
    timeoutMs: timeoutSeconds,
    backoffBaseMs: backoffBaseSeconds,
    backoffMaxMs: backoffMaxMinutes,
    circuitProbeAfterMs: circuitProbeAfterSeconds,
  }));

/** A stored duration as the form shows it (10000 ms → 10 seconds), at most three decimals. */
export function durationForForm(ms: number, field: ImshopDurationField): number {
  return Math.round((ms / IMSHOP_DURATION_FIELDS[field].unitMs) * 1000) / 1000;
}
export type ImshopSettingsValues = z.output<typeof imshopSettingsSchema>;

export const rotateWebhookKeySchema = z.object({
  /** How long IMSHOP may keep using the old key; 0 revokes it at once. */
  previousValidHours: int(0, 720).default(24),
});

export const testRequestSchema = z.object({ kind: z.enum(["scan_status", "order_status"]) });
