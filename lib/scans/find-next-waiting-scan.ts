import { prisma, type Tx } from "@/lib/db";

/**
 * The next scan waiting for a decision after `afterId` in the queue's order (newest first, so the
 * next one is older), wrapping round to the newest waiting scan when the end is reached. Served by the
 * (status, createdAt desc, id) index: one index probe whatever the queue's length.
 */
export async function findNextWaitingScan({ afterId, tx }: { afterId: string; tx?: Tx }): Promise<string | null> {
  const db = tx ?? prisma;
  const current = await db.scan.findUnique({ where: { id: afterId }, select: { createdAt: true } });
  const waiting = { status: "processing" as const, id: { not: afterId } };
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  if (current) {
    const older = await db.scan.findFirst({
      where: {
        ...waiting,
        createdAt: { lte: current.createdAt },
        OR: [{ createdAt: { lt: current.createdAt } }, { id: { lt: afterId } }],
      },
      orderBy: order,
      select: { id: true },
    });
    if (older) return older.id;
  }
  const newest = await db.scan.findFirst({ where: waiting, orderBy: order, select: { id: true } });
  return newest?.id ?? null;
}
