import { z } from "zod";

// The two error shapes lib/http/route.ts answers with (see its ErrorFormat); the OpenAPI document uses them.

export const ERROR_CODES = [
  "bad_request",
  "validation",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "unprocessable",
  "rate_limited",
  "unavailable",
  "internal",
] as const;

/** `{ success: false, error: { code, message, fields? }, requestId }`: IMSHOP's webhooks, orders and offers APIs. */
export const errorBodySchema = z.strictObject({
  success: z.literal(false),
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe("Field path → what was expected, e.g. {\"userId\": \"Required\"}"),
  }),
  requestId: z.string().describe("Also in the x-request-id header; quote it to support"),
});
