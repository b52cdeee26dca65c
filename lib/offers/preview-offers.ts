import { prisma, type Tx } from "@/lib/db";
import { buildOffers } from "@/lib/offers/list-offers-for-user";
import { exclusionReasons } from "@/lib/offers/offer-status";
import type { ExclusionReason, OffersResponse, WireSegment } from "@/lib/offers/offers.schema";

export type PreviewResult = {
  /** Exactly the body the webhook would answer IMSHOP with now. */
  response: OffersResponse;
  /** Pool offers this user holds no code of yet: the code shown is an example of what they would get. */
  examplePoolCodes: string[];
  excluded: { id: string; name: string; reasons: ExclusionReason[] }[];
  at: string;
};

const MAX_EXPLAINED = 500;

/**
 * The dashboard's "what would IMSHOP get for this user" tool. It runs the webhook's own code path
 * (buildOffers) as a dry run: nothing is written — the segments are not recorded and no pool code is
 * handed out — so previewing never changes what the real user later receives. Every other offer is
 * listed with the reasons it was left out.
 */
export async function previewOffers({ userId, segments, now = new Date(), tx }: { userId: string; segments: WireSegment[]; now?: Date; tx?: Tx }): Promise<PreviewResult> {
  const db = tx ?? prisma;
  const segmentIds = [...new Set(segments.map((s) => s.id))];
  const built = await buildOffers({ userId, segmentIds, now, dryRun: true, tx });
  const included = built.offers.map((o) => o.id);
  const others = await db.offer.findMany({
    where: { id: { notIn: included } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_EXPLAINED,
    select: {
      id: true,
      name: true,
      active: true,
      startsAt: true,
      expiresAt: true,
      targeting: true,
      promocodeMode: true,
      segments: { where: { segmentId: { in: segmentIds } }, select: { segmentId: true }, take: 1 },
      users: { where: { userId }, select: { userId: true }, take: 1 },
      codes: { where: { OR: [{ assignedUserId: userId }, { assignedUserId: null }] }, select: { id: true }, take: 1 },
    },
  });
  const excluded = others.map((o) => ({
    id: o.id,
    name: o.name,
    reasons: exclusionReasons(
      {
        ...o,
        matchesSegment: o.segments.length > 0,
        matchesUser: o.users.length > 0,
        poolHasCode: o.codes.length > 0,
      },
      now,
    ),
  }));
  return { response: { offers: built.offers }, examplePoolCodes: built.examplePoolCodes, excluded, at: now.toISOString() };
}
