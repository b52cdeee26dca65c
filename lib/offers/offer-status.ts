import type { ExclusionReason, OfferStatus } from "@/lib/offers/offers.schema";

type Timing = { active: boolean; startsAt: Date | null; expiresAt: Date | null };

/**
 * The rule the webhook's SQL applies (list-offers-for-user.ts), restated for the dashboard: active,
 * started (no start or start ≤ now) and not expired (no expiry or expiry > now). Keep the two in step.
 */
export function offerStatus(offer: Timing, now: Date): OfferStatus {
  if (!offer.active) return "inactive";
  if (offer.startsAt && offer.startsAt > now) return "scheduled";
  if (offer.expiresAt && offer.expiresAt <= now) return "expired";
  return "current";
}

export type EligibilityFacts = Timing & {
  targeting: "everyone" | "segments" | "users";
  promocodeMode: "shared" | "pool";
  /** The offer targets one of the segments asked about. */
  matchesSegment: boolean;
  /** The offer's user list holds this user. */
  matchesUser: boolean;
  /** A pool offer has a code for this user already, or a free one to give. */
  poolHasCode: boolean;
};

/** Every reason an offer is left out for this user; empty when IMSHOP would receive it. */
export function exclusionReasons(offer: EligibilityFacts, now: Date): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!offer.active) reasons.push("inactive");
  if (offer.startsAt && offer.startsAt > now) reasons.push("notStarted");
  if (offer.expiresAt && offer.expiresAt <= now) reasons.push("expired");
  const targeted =
    offer.targeting === "everyone" ||
    (offer.targeting === "segments" && offer.matchesSegment) ||
    (offer.targeting === "users" && offer.matchesUser);
  if (!targeted) reasons.push("notTargeted");
  if (offer.promocodeMode === "pool" && !offer.poolHasCode) reasons.push("poolExhausted");
  return reasons;
}
