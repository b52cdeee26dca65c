import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getBalance } from "@/lib/loyalty/get-balance";
import { lockClient } from "@/lib/loyalty/lock-client";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";

/**
 * A manual correction by an admin: a new ledger entry with a reason, never an edit of the balance.
 * A deduction may not take more than the client can spend now (held points stay reserved).
 */
export async function adjustBalance(opts: { clientId: string; amount: number; reason: string; actor: Actor; tx?: Tx }) {
  return inTransaction(opts.tx, async (tx) => {
    const client = await lockClient(tx, opts.clientId);
    const before = await getBalance({ clientId: client.id, tx });
    if (opts.amount < 0 && before.available + opts.amount < 0) {
      throw new LoyaltyRuleError("deductTooMuch", { available: before.available });
    }
    const entry = await tx.ledgerEntry.create({
      data: { clientId: client.id, kind: "adjustment", amount: opts.amount, reason: opts.reason, actorId: opts.actor.id ?? null },
      select: { id: true },
    });
    await recordAudit({
      actor: opts.actor,
      action: "loyalty.adjust",
      entityType: "LoyaltyClient",
      entityId: client.id,
      before: { balance: before.ledger },
      after: { balance: before.ledger + opts.amount, amount: opts.amount, reason: opts.reason, ledgerEntryId: entry.id },
      tx,
    });
    return { entryId: entry.id.toString(), balance: before.ledger + opts.amount };
  });
}
