import { prisma, type Prisma } from "@/lib/db";
import { finishPage, keysetQuery, type Cursor, type Direction, type Page } from "@/lib/pagination/keyset";
import { offerSnapshotSelect } from "@/lib/offers/offer-snapshot";
import { offerStatus } from "@/lib/offers/offer-status";
import type { OfferListFilters, OfferRow, RedemptionRow } from "@/lib/offers/offers.schema";

// Reads for the Offers pages: plain rows with dates as ISO strings, ready for client components.

const rowSelect = {
  ...offerSnapshotSelect,
  createdAt: true,
  updatedAt: true,
  _count: { select: { users: true, codes: true, redemptions: true } },
} satisfies Prisma.OfferSelect;

type Selected = Prisma.OfferGetPayload<{ select: typeof rowSelect }>;

export async function listOffers(opts: { filters: OfferListFilters; cursor: Cursor | null; dir: Direction; take: number; now?: Date }): Promise<Page<OfferRow>> {
  const now = opts.now ?? new Date();
  const page = keysetQuery(opts.cursor, opts.dir, opts.take);
  const fetched = await prisma.offer.findMany({
    where: { AND: [offerWhere(opts.filters, now), page.where as Prisma.OfferWhereInput] },
    orderBy: page.orderBy as Prisma.OfferOrderByWithRelationInput[],
    take: page.take,
    select: rowSelect,
  });
  const rows = await toRows(fetched, now);
  return finishPage(rows, { cursor: opts.cursor, dir: opts.dir, take: opts.take, timeOf: (r) => new Date(r.createdAt) });
}

/** Every offer matching the filters, newest first (an offer list stays in the thousands at most). */
export async function listOffersForExport({ filters, now = new Date() }: { filters: OfferListFilters; now?: Date }): Promise<OfferRow[]> {
  const fetched = await prisma.offer.findMany({
    where: offerWhere(filters, now),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10_000,
    select: rowSelect,
  });
  return toRows(fetched, now);
}

export async function getOffer(offerId: string, now = new Date()): Promise<OfferRow | null> {
  const offer = await prisma.offer.findUnique({ where: { id: offerId }, select: rowSelect });
  return offer ? (await toRows([offer], now))[0] : null;
}

export async function listRedemptions(offerId: string, take = 20): Promise<RedemptionRow[]> {
  const rows = await prisma.offerRedemption.findMany({
    where: { offerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, userId: true, code: true, source: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** A sample of a user-targeted offer's list, to check an import went where it should. */
export async function listTargetedUsers(offerId: string, take = 50): Promise<string[]> {
  const rows = await prisma.offerUser.findMany({ where: { offerId }, orderBy: { userId: "asc" }, take, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** One user's standing on one offer: the code they hold and whether they used it. */
export async function findUserOfferState(offerId: string, userId: string) {
  const [code, redemption] = await Promise.all([
    prisma.offerCode.findUnique({ where: { offerId_assignedUserId: { offerId, assignedUserId: userId } }, select: { code: true } }),
    prisma.offerRedemption.findUnique({ where: { offerId_userId: { offerId, userId } }, select: { code: true, createdAt: true } }),
  ]);
  return { code: code?.code ?? null, redeemedAt: redemption?.createdAt.toISOString() ?? null };
}

export async function listSegmentOptions(): Promise<{ id: string; name: string }[]> {
  return prisma.segment.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: 2000, select: { id: true, name: true } });
}

function offerWhere(filters: OfferListFilters, now: Date): Prisma.OfferWhereInput {
  const and: Prisma.OfferWhereInput[] = [];
  if (filters.q) {
    and.push({ OR: [{ id: { contains: filters.q, mode: "insensitive" } }, { name: { contains: filters.q, mode: "insensitive" } }] });
  }
  if (filters.targeting) and.push({ targeting: filters.targeting });
  if (filters.mode) and.push({ promocodeMode: filters.mode });
  if (filters.segment) and.push({ segments: { some: { segmentId: filters.segment } } });
  // The same rule as offerStatus(), as a query.
  if (filters.status === "inactive") and.push({ active: false });
  if (filters.status === "scheduled") and.push({ active: true, startsAt: { gt: now } });
  if (filters.status === "expired") and.push({ active: true, expiresAt: { lte: now }, OR: [{ startsAt: null }, { startsAt: { lte: now } }] });
  if (filters.status === "current") {
    and.push({ active: true }, { OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });
  }
  return { AND: and };
}

async function toRows(offers: Selected[], now: Date): Promise<OfferRow[]> {
  const poolIds = offers.filter((o) => o.promocodeMode === "pool").map((o) => o.id);
  const free = poolIds.length
    ? await prisma.offerCode.groupBy({ by: ["offerId"], where: { offerId: { in: poolIds }, assignedUserId: null }, _count: { _all: true } })
    : [];
  const freeById = new Map(free.map((f) => [f.offerId, f._count._all]));
  return offers.map((o) => ({
    id: o.id,
    name: o.name,
    description: o.description,
    promocodeMode: o.promocodeMode,
    promocode: o.promocode,
    barcodeType: o.barcodeType,
    online: o.online,
    offline: o.offline,
    startsAt: o.startsAt?.toISOString() ?? null,
    expiresAt: o.expiresAt?.toISOString() ?? null,
    targeting: o.targeting,
    active: o.active,
    status: offerStatus(o, now),
    segmentIds: o.segments.map((s) => s.segmentId),
    userCount: o._count.users,
    codeTotal: o._count.codes,
    codeFree: freeById.get(o.id) ?? 0,
    redemptionCount: o._count.redemptions,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  }));
}

/** A code from a pool offer, to preview its barcode in the form. */
export async function findSampleCode(offerId: string): Promise<string | null> {
  const row = await prisma.offerCode.findFirst({ where: { offerId }, select: { code: true } });
  return row?.code ?? null;
}
