import { prisma, type Db } from "@/lib/db";

export type Balance = {
  /** Sum of the client's ledger: what they own. */
  ledger: number;
  /** Points reserved by active (unreleased, unexpired) holds, except the ones the caller names. */
  held: number;
  /** What may be spent or held now. */
  available: number;
};

/**
 * The balance is derived, never stored: ledger sum minus active holds. An expired hold simply
 * stops counting (`until` in the past), so holds expire without any background job.
 */
export async function getBalance({
  clientId,
  excludeHoldIds = [],
  now = new Date(),
  tx,
}: {
  clientId: string;
  excludeHoldIds?: string[];
  now?: Date;
  tx?: Db;
}): Promise<Balance> {
  const db = tx ?? prisma;
  // One after the other: inside a transaction both must run on the same connection anyway.
  const ledger = await db.ledgerEntry.aggregate({ where: { clientId }, _sum: { amount: true } });
  const held = await db.hold.aggregate({
    where: {
      clientId,
      releasedAt: null,
      until: { gt: now },
      ...(excludeHoldIds.length ? { id: { notIn: excludeHoldIds } } : {}),
    },
    _sum: { amount: true },
  });
  const ledgerSum = ledger._sum.amount ?? 0;
  const heldSum = held._sum.amount ?? 0;
  return { ledger: ledgerSum, held: heldSum, available: Math.max(0, ledgerSum - heldSum) };
}
