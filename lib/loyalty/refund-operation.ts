import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getBalance } from "@/lib/loyalty/get-balance";
import { lockClient } from "@/lib/loyalty/lock-client";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";

/**
 * Refunds a purchase: every ledger entry it wrote gets a reversing entry (spent points come back,
 * earned points are taken back). The ledger stays append-only and `reversesId` is unique, so an
 * entry can be reversed only once. Taking back earned points the client has already spent would
 * make the balance negative: that is refused, and an admin can adjust the balance by hand instead.
 */
export async function refundOperation(opts: { operationId: string; reason?: string | null; actor: Actor; tx?: Tx }) {
  return inTransaction(opts.tx, async (tx) => {
    const found = await tx.operation.findUnique({ where: { id: opts.operationId }, select: { clientId: true } });
    if (!found) throw new LoyaltyRuleError("operationNotFound");
    await lockClient(tx, found.clientId);
    // Re-read behind the lock: a concurrent refund of the same operation has committed by now.
    const operation = await tx.operation.findUniqueOrThrow({
      where: { id: opts.operationId },
      select: {
        id: true,
        clientId: true,
        refundedAt: true,
        ledger: { where: { kind: { in: ["earn", "spend"] }, reversedBy: null }, select: { id: true, amount: true } },
      },
    });
    if (operation.refundedAt) throw new LoyaltyRuleError("alreadyRefunded");
    const delta = -operation.ledger.reduce((sum, e) => sum + e.amount, 0);
    const balance = await getBalance({ clientId: operation.clientId, tx });
    if (balance.available + delta < 0) {
      throw new LoyaltyRuleError("refundTooMuch", { available: balance.available });
    }
    const now = new Date();
    for (const entry of operation.ledger) {
      await tx.ledgerEntry.create({
        data: {
          clientId: operation.clientId,
          kind: "reversal",
          amount: -entry.amount,
          reversesId: entry.id,
          operationId: operation.id,
          reason: opts.reason || "refund",
          actorId: opts.actor.id ?? null,
          createdAt: now,
        },
      });
    }
    await tx.operation.update({ where: { id: operation.id }, data: { refundedAt: now, refundedById: opts.actor.id ?? null } });
    await recordAudit({
      actor: opts.actor,
      action: "loyalty.refund",
      entityType: "Operation",
      entityId: operation.id,
      before: { refundedAt: null, balance: balance.ledger },
      after: { refundedAt: now, balance: balance.ledger + delta, reversed: operation.ledger.map((e) => e.id), reason: opts.reason ?? null },
      tx,
    });
    return { balanceChange: delta };
  });
}
