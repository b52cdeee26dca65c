import { inTransaction, type Tx } from "@/lib/db";
import { fieldError } from "@/lib/http/app-error";
import { getBalance } from "@/lib/loyalty/get-balance";
import { lockClient } from "@/lib/loyalty/lock-client";
import { toRoubles } from "@/lib/loyalty/money";
import { purchaseTerms } from "@/lib/loyalty/recalc-purchase";
import { ownHoldIds, resolvePoint, type PointScope } from "@/lib/loyalty/resolve-point";

/** Seed 002's `retail` object: `spend` when points paid part of the check, `earn` otherwise. */
export type RetailAnswer = {
  amount: number;
  total: number;
  percent: number;
  type: "cashback" | "discount";
  spend?: number;
  earn?: number;
  discount?: number;
};

/**
 * `POST /integration/general/retail`: records a purchase. Under the client's row lock: check the
 * spend against the available balance (the caller's `hold` ids counted back), write the operation
 * and its ledger entry, and release the client's holds at this point (and the ones named) —
 * every check happens before the first write, so a refusal leaves nothing behind.
 */
export async function recordRetail(opts: {
  clientId: string;
  pointId: string;
  amountKopecks: number;
  spend: number;
  holdIds: string[];
  allowed: PointScope;
  apiKeyId?: string | null;
  now?: Date;
  tx?: Tx;
}): Promise<RetailAnswer> {
  return inTransaction(opts.tx, async (tx) => {
    await resolvePoint({ pointId: opts.pointId, allowed: opts.allowed, tx });
    const client = await lockClient(tx, opts.clientId);
    const now = opts.now ?? new Date();
    const counted = await ownHoldIds({ clientId: client.id, holdIds: opts.holdIds, allowed: opts.allowed, tx });
    const { available } = await getBalance({ clientId: client.id, excludeHoldIds: counted, now, tx });
    const level = client.level;
    const terms = purchaseTerms(level, opts.amountKopecks, available);
    if (opts.spend > terms.maxSpend) throw fieldError("spend", `Spend can't be more ${terms.maxSpend}`);

    const spend = opts.spend;
    const earn = spend > 0 ? 0 : terms.earn;
    const totalKopecks = opts.amountKopecks - spend * 100 - terms.discountKopecks;
    const operation = await tx.operation.create({
      data: {
        clientId: client.id,
        pointId: opts.pointId,
        apiKeyId: opts.apiKeyId ?? null,
        amountKopecks: opts.amountKopecks,
        totalKopecks,
        spend,
        earn,
        percent: level.percent,
        type: level.type,
        createdAt: now,
      },
      select: { id: true },
    });
    if (spend > 0) {
      await tx.ledgerEntry.create({ data: { clientId: client.id, kind: "spend", amount: -spend, operationId: operation.id, createdAt: now } });
    } else if (earn > 0) {
      await tx.ledgerEntry.create({ data: { clientId: client.id, kind: "earn", amount: earn, operationId: operation.id, createdAt: now } });
    }
    // A new operation at a point ends that client's holds there (seed 002); the named ones are used up too.
    await tx.hold.updateMany({
      where: {
        clientId: client.id,
        releasedAt: null,
        until: { gt: now },
        OR: [{ pointId: opts.pointId }, ...(counted.length ? [{ id: { in: counted } }] : [])],
      },
      data: { releasedAt: now, releaseReason: "operation" },
    });

    const answer: RetailAnswer = { amount: toRoubles(opts.amountKopecks), total: toRoubles(totalKopecks), percent: level.percent, type: level.type };
    if (spend > 0) answer.spend = spend;
    else answer.earn = earn;
    if (level.type === "discount") answer.discount = toRoubles(terms.discountKopecks);
    return answer;
  });
}
