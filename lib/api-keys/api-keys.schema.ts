import { z } from "zod";

export const API_KEY_SCOPES = ["loyalty", "orders", "offers", "imports"] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];

const name = z.string().trim().min(1, "Required").max(100, "At most 100 characters");
const pointIds = z.array(z.string().min(1).max(100)).max(500).default([]);
// Requests per minute; empty = no limit. A till makes a few a minute, so a low limit slows a leaked key down.
const rateLimitPerMinute = z
  .union([z.literal(""), z.null(), z.coerce.number({ error: "Must be a number" }).int("Must be a whole number").min(1, "At least 1").max(100_000, "At most 100000")])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

export const createApiKeyInput = z.object({
  name,
  scopes: z.array(z.enum(API_KEY_SCOPES, { error: "loyalty, orders, offers or imports" })).min(1, "Pick at least one scope"),
  // No points = the key may act for every point.
  pointIds,
  rateLimitPerMinute,
});

export const updateApiKeyInput = z.object({ id: z.string().min(1), name, pointIds, rateLimitPerMinute });

// The limit may be left out by callers that never set one (the CLI, tests): no limit.
type OptionalLimit<T> = Omit<T, "rateLimitPerMinute"> & { rateLimitPerMinute?: number | null };
export type CreateApiKeyInput = OptionalLimit<z.infer<typeof createApiKeyInput>>;
export type UpdateApiKeyInput = OptionalLimit<z.infer<typeof updateApiKeyInput>>;

/** How many leading characters of a key are kept in clear, so admins can tell keys apart. */
export const KEY_PREFIX_LENGTH = 12;
