import { z } from "zod";

export const API_KEY_SCOPES = ["loyalty", "orders", "offers"] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];

const name = z.string().trim().min(1, "Required").max(100, "At most 100 characters");
const pointIds = z.array(z.string().min(1).max(100)).max(500).default([]);

export const createApiKeyInput = z.object({
  name,
  scopes: z.array(z.enum(API_KEY_SCOPES, { error: "loyalty, orders or offers" })).min(1, "Pick at least one scope"),
  // No points = the key may act for every point.
  pointIds,
});

export const updateApiKeyInput = z.object({ id: z.string().min(1), name, pointIds });

export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;
export type UpdateApiKeyInput = z.infer<typeof updateApiKeyInput>;

/** How many leading characters of a key are kept in clear, so admins can tell keys apart. */
export const KEY_PREFIX_LENGTH = 12;
