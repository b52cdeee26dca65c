import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { OfferRuleError } from "@/lib/offers/offer-errors";
import { offerStatus } from "@/lib/offers/offer-status";

export type RedeemOptions = {
  offerId: string;
  userId: string;
  /** The code shown at the till; optional, but when given it must be this user's code. */
  code?: string | null;
  source: "dashboard" | "api";
  actor: Actor;
  requestId?: string;
  now?: Date;
  tx?: Tx;
};

export type RedeemResult = { offerId: string; userId: string; code: string; redeemedAt: Date; alreadyRedeemed: boolean };

/**
 * Marks an offer used by one user, so the webhook answers `used: true` for them from now on.
 * Idempotent: a repeat (a till retrying, two clicks) answers the first redemption, even after the offer
 * has since expired. A pool offer is redeemed only with the code that user was given.
 */
export async function redeemOffer(opts: RedeemOptions): Promise<RedeemResult> {
  const { offerId, userId, code = null, source, actor, requestId, now = new Date(), tx } = opts;
  return inTransaction(tx, async (db) => {
    const offer = await db.offer.findUnique({
      where: { id: offerId },
      select: { id: true, promocodeMode: true, promocode: true, active: true, startsAt: true, expiresAt: true, targeting: true },
    });
    if (!offer) throw new OfferRuleError("offerNotFound", offerId);

    let usersCode: string;
    if (offer.promocodeMode === "pool") {
      const held = await db.offerCode.findUnique({ where: { offerId_assignedUserId: { offerId, assignedUserId: userId } }, select: { code: true } });
      if (!held) throw new OfferRuleError(code ? "codeNotUsersCode" : "noCodeForUser");
      if (code && code !== held.code) throw new OfferRuleError("codeNotUsersCode");
      usersCode = held.code;
    } else {
      if (!offer.promocode) throw new OfferRuleError("wrongCode");
      if (code && code !== offer.promocode) throw new OfferRuleError("wrongCode");
      usersCode = offer.promocode;
    }

    const existing = await db.offerRedemption.findUnique({ where: { offerId_userId: { offerId, userId } } });
    if (existing) return { offerId, userId, code: existing.code, redeemedAt: existing.createdAt, alreadyRedeemed: true };

    if (offerStatus(offer, now) !== "current") throw new OfferRuleError("offerNotCurrent");
    if (offer.targeting === "users") {
      const listed = await db.offerUser.findUnique({ where: { offerId_userId: { offerId, userId } }, select: { userId: true } });
      if (!listed) throw new OfferRuleError("userNotTargeted");
    }
    // Segment membership lives in IMSHOP and is not checked here: the portal only knows it per request.

    // ON CONFLICT DO NOTHING: a concurrent redemption of the same pair must not abort this transaction.
    const inserted = await db.offerRedemption.createMany({
      data: [{ offerId, userId, code: usersCode, source, actorId: actor.id ?? null }],
      skipDuplicates: true,
    });
    const row = await db.offerRedemption.findUniqueOrThrow({ where: { offerId_userId: { offerId, userId } } });
    if (inserted.count === 1) {
      await recordAudit({
        actor,
        action: "offer.redeem",
        entityType: "offer",
        entityId: offerId,
        after: { userId, code: row.code, source },
        requestId,
        tx: db,
      });
    }
    return { offerId, userId, code: row.code, redeemedAt: row.createdAt, alreadyRedeemed: inserted.count === 0 };
  });
}
