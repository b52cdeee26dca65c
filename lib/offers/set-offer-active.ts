import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { OfferRuleError } from "@/lib/offers/offer-errors";

/** The switch that takes an offer off every user's list at once (or puts it back), without editing it. */
export async function setOfferActive({ actor, offerId, active, tx }: { actor: Actor; offerId: string; active: boolean; tx?: Tx }) {
  return inTransaction(tx, async (db) => {
    const offer = await db.offer.findUnique({ where: { id: offerId }, select: { active: true } });
    if (!offer) throw new OfferRuleError("offerNotFound", offerId);
    if (offer.active === active) return { offerId, active };
    await db.offer.update({ where: { id: offerId }, data: { active } });
    await recordAudit({
      actor,
      action: active ? "offer.activate" : "offer.deactivate",
      entityType: "offer",
      entityId: offerId,
      before: { active: offer.active },
      after: { active },
      tx: db,
    });
    return { offerId, active };
  });
}
