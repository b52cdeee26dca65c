// The inbound IMSHOP key every webhook test sets before calling a route; each area uses its own key.
import { prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { ensureImshopSettings, invalidateImshopSettings } from "@/lib/imshop/imshop-settings";

/** Accepts exactly `key` (none at all when null): no previous key in its grace period, no IP allow-list. */
export async function setImshopInboundKey(key: string | null) {
  await ensureImshopSettings();
  await prisma.imshopSettings.update({
    where: { id: 1 },
    data: { inboundKeyHash: key ? sha256Hex(key) : null, inboundKeyPreviousHash: null, allowedIps: [] },
  });
  invalidateImshopSettings();
}
