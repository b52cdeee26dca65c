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
  // One statement for both sums (was two aggregates). Under a client lock it must stay a statement of
  // its own, after the lock: in READ COMMITTED each statement sees what committed before it began.
  const [row] = await db.$queryRaw<{ ledger: bigint; held: bigint }[]>`
    SELECT
      (SELECT COALESCE(SUM(amount), 0) FROM "LedgerEntry" WHERE "clientId" = ${clientId})::int8 AS ledger,
      (SELECT COALESCE(SUM(amount), 0) FROM "Hold"
        WHERE "clientId" = ${clientId} AND "releasedAt" IS NULL AND "until" > ${now}
          AND NOT ("id" = ANY(${excludeHoldIds}::text[])))::int8 AS held`;
  const ledgerSum = Number(row.ledger);
  const heldSum = Number(row.held);
  return { ledger: ledgerSum, held: heldSum, available: Math.max(0, ledgerSum - heldSum) };
}
