import type { Tx } from "@/lib/db";
import { findOrCreateClientForImshopUser } from "@/lib/loyalty/find-or-create-client-for-imshop-user";
import { lockClient } from "@/lib/loyalty/lock-client";

export type ScanCredit = { clientId: string; entryId: string; amount: number; clientCreated: boolean };

/**
 * Credits an approved scan's points to the IMSHOP user's loyalty client as a `scan_credit` ledger entry.
 * Runs inside the caller's transaction: the credit commits or rolls back with the approval itself.
 */
export async function creditScanPoints({
  scanId,
  userId,
  points,
  actorId = null,
  tx,
}: {
  scanId: string;
  userId: string;
  points: number;
  actorId?: string | null;
  tx: Tx;
}): Promise<ScanCredit | null> {
  if (!Number.isInteger(points) || points <= 0) return null;
  const client = await findOrCreateClientForImshopUser({ userId, tx });
  const entry = await tx.ledgerEntry.create({
    data: { clientId: client.id, kind: "scan_credit", amount: points, scanId, actorId, reason: `scan ${scanId}` },
    select: { id: true },
  });
  return { clientId: client.id, entryId: entry.id.toString(), amount: points, clientCreated: client.created };
}

/**
 * Undoes every not-yet-reversed credit of a scan with `reversal` entries (the ledger is append-only).
 * The client's row lock orders the reversal with concurrent spends. The balance may go below zero when
 * the points were already spent: the debt stays visible in the ledger rather than being hidden.
 */
export async function reverseScanCredit({
  scanId,
  actorId = null,
  reason,
  tx,
}: {
  scanId: string;
  actorId?: string | null;
  reason?: string;
  tx: Tx;
}): Promise<{ reversed: number; entryIds: string[] }> {
  const credits = await tx.ledgerEntry.findMany({
    where: { scanId, kind: "scan_credit", reversedBy: { is: null } },
    select: { id: true, clientId: true, amount: true },
    orderBy: { id: "asc" },
  });
  let reversed = 0;
  const entryIds: string[] = [];
  for (const credit of credits) {
    await lockClient(tx, credit.clientId);
    const entry = await tx.ledgerEntry.create({
      data: {
        clientId: credit.clientId,
        kind: "reversal",
        amount: -credit.amount,
        reversesId: credit.id,
        scanId,
        actorId,
        reason: reason ?? `scan ${scanId} denied`,
      },
      select: { id: true },
    });
    reversed += credit.amount;
    entryIds.push(entry.id.toString());
  }
  return { reversed, entryIds };
}
