import { inTransaction, type Tx } from "@/lib/db";
import { fieldError } from "@/lib/http/app-error";
import { getBalance } from "@/lib/loyalty/get-balance";
import { lockClient } from "@/lib/loyalty/lock-client";
import { resolvePoint, type PointScope } from "@/lib/loyalty/resolve-point";

export type HeldAnswer = { id: string; until: number; amount: number };

/**
 * `POST /integration/general/bonuses/hold`: reserves points for `durationMinutes`. The hold needs
 * no job to expire: once `until` passes it stops counting against the balance.
 */
export async function holdBonuses(opts: {
  clientId: string;
  pointId: string;
  amount: number;
  durationMinutes: number;
  allowed: PointScope;
  apiKeyId?: string | null;
  now?: Date;
  tx?: Tx;
}): Promise<HeldAnswer> {
  return inTransaction(opts.tx, async (tx) => {
    await resolvePoint({ pointId: opts.pointId, allowed: opts.allowed, tx });
    const client = await lockClient(tx, opts.clientId);
    const now = opts.now ?? new Date();
    const { available } = await getBalance({ clientId: client.id, now, tx });
    // Discount levels have no spendable points (their balance is always answered as 0).
    const holdable = client.level.type === "discount" ? 0 : available;
    if (opts.amount > holdable) throw fieldError("amount", `Amount can't be more ${holdable}`);
    // Whole seconds, so the `until` the till is told is exactly when the hold stops counting.
    const untilSeconds = Math.floor(now.getTime() / 1000) + opts.durationMinutes * 60;
    const hold = await tx.hold.create({
      data: {
        clientId: client.id,
        pointId: opts.pointId,
        amount: opts.amount,
        until: new Date(untilSeconds * 1000),
        apiKeyId: opts.apiKeyId ?? null,
      },
      select: { id: true, amount: true },
    });
    return { id: hold.id, until: untilSeconds, amount: hold.amount };
  });
}
