import { prisma, type Prisma } from "@/lib/db";
import { finishPage, keysetQuery, type Cursor, type Direction, type Page } from "@/lib/pagination/keyset";
import type { SegmentRow } from "@/lib/offers/offers.schema";

/** The Segments page: every segment with how many offers target it. */
export async function listSegments(opts: {
  filters: { q?: string; source?: "admin" | "imshop" };
  cursor: Cursor | null;
  dir: Direction;
  take: number;
}): Promise<Page<SegmentRow>> {
  const where: Prisma.SegmentWhereInput = {};
  if (opts.filters.q) {
    where.OR = [{ id: { contains: opts.filters.q, mode: "insensitive" } }, { name: { contains: opts.filters.q, mode: "insensitive" } }];
  }
  if (opts.filters.source) where.source = opts.filters.source;
  const page = keysetQuery(opts.cursor, opts.dir, opts.take);
  const fetched = await prisma.segment.findMany({
    where: { AND: [where, page.where as Prisma.SegmentWhereInput] },
    orderBy: page.orderBy as Prisma.SegmentOrderByWithRelationInput[],
    take: page.take,
    select: { id: true, name: true, source: true, createdAt: true, lastSeenAt: true, _count: { select: { offers: true } } },
  });
  const rows: SegmentRow[] = fetched.map((s) => ({
    id: s.id,
    name: s.name,
    source: s.source,
    offerCount: s._count.offers,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
  }));
  return finishPage(rows, { cursor: opts.cursor, dir: opts.dir, take: opts.take, timeOf: (r) => new Date(r.createdAt) });
}
