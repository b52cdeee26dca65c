import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { OfferRuleError } from "@/lib/offers/offer-errors";

/**
 * Removes a segment no offer targets. Refused while offers target it: deleting would silently narrow
 * those offers. A segment IMSHOP still sends comes back at its next request.
 */
export async function deleteSegment({ actor, segmentId, tx }: { actor: Actor; segmentId: string; tx?: Tx }) {
  return inTransaction(tx, async (db) => {
    const before = await db.segment.findUnique({ where: { id: segmentId }, select: { id: true, name: true, source: true } });
    if (!before) throw new OfferRuleError("segmentNotFound", segmentId);
    const offers = await db.offerSegment.findMany({ where: { segmentId }, select: { offerId: true }, take: 10 });
    if (offers.length) throw new OfferRuleError("segmentInUse", offers.map((o) => o.offerId).join(", "));
    await db.segment.delete({ where: { id: segmentId } });
    await recordAudit({ actor, action: "segment.delete", entityType: "segment", entityId: segmentId, before, tx: db });
    return { segmentId };
  });
}
