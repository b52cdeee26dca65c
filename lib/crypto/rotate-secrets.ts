import { inTransaction, type Tx } from "@/lib/db";
import { decryptSecret, encryptSecret, isSealedWithCurrentKey } from "@/lib/crypto/secret-box";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Re-seals every stored secret under the current SETTINGS_ENCRYPTION_KEY. Run after moving the old key to
 * SETTINGS_ENCRYPTION_OLD_KEYS; once it reports nothing left under an old key, the old key can go.
 * The IMSHOP outbound key is the only stored secret today; a new one is added to this list.
 */
export async function rotateSecrets({ tx }: { tx?: Tx } = {}): Promise<{ resealed: number; current: number }> {
  return inTransaction(tx, async (db) => {
    const rows = await db.imshopSettings.findMany({
      where: { outboundKeyEncrypted: { not: null } },
      select: { id: true, outboundKeyEncrypted: true },
    });
    let resealed = 0;
    for (const row of rows) {
      const sealed = row.outboundKeyEncrypted!;
      if (isSealedWithCurrentKey(sealed)) continue;
      // Locked by the update itself: a concurrent admin change either lands first (and is re-read) or after.
      await db.imshopSettings.update({ where: { id: row.id }, data: { outboundKeyEncrypted: encryptSecret(decryptSecret(sealed)) } });
      resealed += 1;
    }
    if (resealed) {
      await recordAudit({
        actor: { id: null, label: "system:secrets rotate" },
        action: "secrets.rotate",
        entityType: "system",
        entityId: "settings-encryption",
        after: { resealed },
        tx: db,
      });
    }
    return { resealed, current: rows.length - resealed };
  });
}
