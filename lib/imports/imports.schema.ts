import { z } from "zod";

/** The query of POST /api/imports/{kind} and the page's upload: which offer or campaign, and replace or add. */
export const importQuerySchema = z.object({
  target: z.string().trim().min(1).max(100).optional(),
  replace: z
    .enum(["true", "false", "1", "0"], { error: "true or false" })
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export const importIdSchema = z.string().trim().min(1).max(100);

/** GET /api/imports/{id}. */
export const importStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(["clients", "offer-codes", "offer-users", "campaign-gtins"]),
  state: z.enum(["queued", "running", "done", "failed", "cancelled"]),
  total: z.number().int().nullable().describe("Data rows in the file; null until the job has counted them"),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int().describe("Existing clients whose stored values changed"),
  failed: z.number().int().describe("Refused rows, listed by GET /api/imports/{id}/errors"),
  rowsPerSecond: z.number().nullable(),
  secondsLeft: z.number().nullable(),
  failure: z.string().nullable().describe("Why the whole import failed (e.g. noIdentifierColumn)"),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const importCreatedSchema = z.object({ id: z.string() });
