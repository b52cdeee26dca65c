import { prisma, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { encryptSecret, secretHint } from "@/lib/crypto/secret-box";
import { cachedImshopSettings, clearImshopSettingsCache } from "@/lib/imshop/settings-cache";
import type { ImshopSettings } from "@/lib/generated/prisma/client";

/**
 * The connection settings (one row), cached: every webhook reads them and they change rarely.
 * Saving settings calls invalidateImshopSettings() in this process; other processes hear the
 * trigger's NOTIFY (lib/imshop/settings-cache.ts).
 */
export function getImshopSettings(): Promise<ImshopSettings> {
  return cachedImshopSettings(() => ensureImshopSettings());
}

export function invalidateImshopSettings(): void {
  clearImshopSettingsCache();
}

/** Creates the settings row on an empty database, seeded from the IMSHOP_* environment variables. */
export async function ensureImshopSettings(db: Db = prisma): Promise<ImshopSettings> {
  const existing = await db.imshopSettings.findUnique({ where: { id: 1 } });
  if (existing) return existing;
  return db.imshopSettings.upsert({
    where: { id: 1 },
    update: {},
    create: {
      id: 1,
      scanStatusUrl: env.IMSHOP_SCAN_STATUS_URL ?? null,
      orderStatusUrl: env.IMSHOP_ORDER_STATUS_URL ?? null,
      outboundKeyEncrypted: env.IMSHOP_API_KEY ? encryptSecret(env.IMSHOP_API_KEY) : null,
      outboundKeyHint: env.IMSHOP_API_KEY ? secretHint(env.IMSHOP_API_KEY) : null,
      inboundKeyHash: env.IMSHOP_WEBHOOK_KEY ? sha256Hex(env.IMSHOP_WEBHOOK_KEY) : null,
      inboundKeyHint: env.IMSHOP_WEBHOOK_KEY ? secretHint(env.IMSHOP_WEBHOOK_KEY) : null,
      allowedIps: [],
    },
  });
}
