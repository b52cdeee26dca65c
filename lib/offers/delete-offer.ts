import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { OfferRuleError } from "@/lib/offers/offer-errors";
import { offerSnapshot } from "@/lib/offers/offer-snapshot";

/**
 * Deletes an offer with its targeting, code pool and redemptions. The audit entry keeps its settings and
 * how many codes and redemptions went with it; deactivating is the way to keep the history.
 */
export async function deleteOffer({ actor, offerId, tx }: { actor: Actor; offerId: string; tx?: Tx }) {
  return inTransaction(tx, async (db) => {
    const before = await offerSnapshot(db, offerId);
    if (!before) throw new OfferRuleError("offerNotFound", offerId);
    const [codes, redemptions, users] = await Promise.all([
      db.offerCode.count({ where: { offerId } }),
      db.offerRedemption.count({ where: { offerId } }),
      db.offerUser.count({ where: { offerId } }),
    ]);
    await db.offer.delete({ where: { id: offerId } });
    await recordAudit({ actor, action: "offer.delete", entityType: "offer", entityId: offerId, before: { ...before, codes, redemptions, users }, tx: db });
    return { offerId };
  });
}
