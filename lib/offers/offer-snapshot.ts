import type { Db } from "@/lib/db";

export const offerSnapshotSelect = {
  id: true,
  name: true,
  description: true,
  promocodeMode: true,
  promocode: true,
  barcodeType: true,
  online: true,
  offline: true,
  startsAt: true,
  expiresAt: true,
  targeting: true,
  active: true,
  segments: { select: { segmentId: true }, orderBy: { segmentId: "asc" } },
} as const;

/** What the audit log keeps of an offer: its settings, not its (possibly huge) code pool or user list. */
export async function offerSnapshot(db: Db, offerId: string) {
  const offer = await db.offer.findUnique({ where: { id: offerId }, select: offerSnapshotSelect });
  if (!offer) return null;
  const { segments, ...rest } = offer;
  return { ...rest, segmentIds: segments.map((s) => s.segmentId) };
}
export type OfferSnapshot = NonNullable<Awaited<ReturnType<typeof offerSnapshot>>>;
