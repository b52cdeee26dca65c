import { z } from "zod";

export const SCAN_STATUSES = ["processing", "approved", "denied"] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

// Unix seconds in a 32-bit column: a millisecond timestamp is a caller's mistake worth naming.
const INT4_MAX = 2_147_483_647;

const requiredString = (what: string) =>
  z.string({ error: (i) => (i.input === undefined ? "Required" : `Expected ${what}`) });

/** `POST /api/imshop/scans` (contract 1.1). Unknown fields, including the `key`, are ignored here. */
export const registerScanBodySchema = z.object({
  barcode: requiredString("a string (text or base64)")
    .min(1, "Must not be empty")
    .max(8192, "At most 8192 characters"),
  userId: requiredString("a string")
    .max(200, "At most 200 characters")
    .refine((v) => v.trim().length > 0, "Must not be empty"),
  timestamp: z
    .number({ error: (i) => (i.input === undefined ? "Required" : "Expected an integer (Unix seconds)") })
    .int("Expected an integer (Unix seconds)")
    .min(0, "Must not be negative")
    .max(INT4_MAX, "Expected Unix seconds, not milliseconds"),
  data: z
    .record(z.string(), z.unknown(), { error: "Expected an object" })
    .nullable()
    .optional(),
});
export type RegisterScanBody = z.infer<typeof registerScanBodySchema>;

/** `POST /api/imshop/scans/history` (contract 1.2). */
export const scanHistoryBodySchema = z.object({
  userId: requiredString("a string")
    .max(200, "At most 200 characters")
    .refine((v) => v.trim().length > 0, "Must not be empty"),
});

/** What the portal answers a registration; validated in tests so the wire shape cannot drift. */
export const scanAnswerSchema = z.strictObject({
  success: z.boolean(),
  id: z.string(),
  status: z.enum(SCAN_STATUSES),
  alertTitle: z.string().optional(),
  alertMessage: z.string().optional(),
  statusMessage: z.string().optional(),
});
export type ScanAnswer = z.infer<typeof scanAnswerSchema>;

export const scanHistoryItemSchema = z.strictObject({
  id: z.string(),
  code: z.string(),
  timestamp: z.number().int(),
  status: z.enum(SCAN_STATUSES),
  statusMessage: z.string().optional(),
});
export const scanHistoryAnswerSchema = z.strictObject({ scans: z.array(scanHistoryItemSchema) });
export type ScanHistoryItem = z.infer<typeof scanHistoryItemSchema>;

/** The push to IMSHOP's scan status URL (contract 1.3). */
export const scanStatusPushSchema = z.strictObject({
  id: z.string(),
  userId: z.string(),
  code: z.string(),
  timestamp: z.number().int(),
  status: z.enum(SCAN_STATUSES),
  statusMessage: z.string().optional(),
});
export type ScanStatusPush = z.infer<typeof scanStatusPushSchema>;

/** Staff approve or deny one or many scans, with an optional message for the app user. */
export const moderateScansSchema = z.object({
  ids: z.array(z.string().min(1).max(100)).min(1, "Choose at least one scan").max(500, "At most 500 scans at once"),
  decision: z.enum(["approved", "denied"]),
  message: z
    .string()
    .trim()
    .max(300, "At most 300 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** The version of each scan the moderator saw; a scan decided meanwhile by someone else is skipped. */
  versions: z.record(z.string().min(1).max(100), z.number().int().min(1)).optional(),
});
export type ModerateScansInput = z.input<typeof moderateScansSchema>;

/** "Approve and next": the scan just decided, whose place in the queue says which one is next. */
export const nextWaitingScanSchema = z.object({ afterId: z.string().min(1).max(100) });

const isoDate = z.iso.date();

/** The moderation queue's URL filters. */
export const scanListFilters = z.object({
  status: z.enum(SCAN_STATUSES),
  campaign: z.string().min(1).max(100),
  user: z.string().trim().min(1).max(200),
  from: isoDate,
  to: isoDate,
  code: z.string().trim().min(1).max(8192),
});
export type ScanListFilters = Partial<z.infer<typeof scanListFilters>>;
