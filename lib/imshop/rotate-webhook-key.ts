import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { randomToken, sha256Hex } from "@/lib/crypto/hash-token";
import { secretHint } from "@/lib/crypto/secret-box";
import { ensureImshopSettings, invalidateImshopSettings } from "@/lib/imshop/imshop-settings";

/**
 * Issues a new inbound webhook key (contract 5). Only its hash is stored; the key is returned once
 * for the admin to hand to IMSHOP. The previous key keeps working for `previousValidHours`, so
 * IMSHOP can switch without a window of 401s; 0 revokes it at once.
 */
export async function rotateWebhookKey({ actor, previousValidHours, tx }: { actor: Actor; previousValidHours: number; tx?: Tx }) {
  const key = randomToken("iwk_", 40);
  const result = await inTransaction(tx, async (tx) => {
    const before = await ensureImshopSettings(tx);
    const keepPrevious = previousValidHours > 0 && before.inboundKeyHash !== null;
    const previousUntil = keepPrevious ? new Date(Date.now() + previousValidHours * 3600_000) : null;
    const updated = await tx.imshopSettings.update({
      where: { id: 1 },
      data: {
        inboundKeyHash: sha256Hex(key),
        inboundKeyHint: secretHint(key),
        inboundKeyPreviousHash: keepPrevious ? before.inboundKeyHash : null,
        inboundKeyPreviousUntil: previousUntil,
        updatedById: actor.id ?? null,
      },
    });
    await recordAudit({
      actor,
      action: "imshop.webhook_key_rotate",
      entityType: "imshop_settings",
      entityId: "1",
      before: { inboundKeyHint: before.inboundKeyHint },
      after: { inboundKeyHint: updated.inboundKeyHint, previousValidUntil: previousUntil },
      tx,
    });
    return { hint: updated.inboundKeyHint, previousValidUntil: previousUntil };
  });
  invalidateImshopSettings();
  return { key, ...result };
}
