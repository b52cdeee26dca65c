import { prisma, type Db } from "@/lib/db";
import { fieldError } from "@/lib/http/app-error";
import { getBalance } from "@/lib/loyalty/get-balance";
import { CLIENT_NOT_FOUND } from "@/lib/loyalty/lock-client";
import { discountKopecks, earnedPoints, spendCap, toRoubles } from "@/lib/loyalty/money";
import { ownHoldIds, resolvePoint, type PointScope } from "@/lib/loyalty/resolve-point";

export type RecalcAnswer = {
  amount: number;
  percent: number;
  type: "cashback" | "discount";
  spend: number;
  earn: number;
  discount?: number;
};

type Level = { percent: number; type: "cashback" | "discount"; maxSpendPercent: number };

/**
 * The purchase arithmetic shared by `recalc` (a forecast) and `retail` (the real thing):
 * earn = floor(amount × percent / 100); spend = min(available, floor(amount × maxSpendPercent / 100));
 * a discount level spends nothing and gets `discount = amount × percent / 100` instead.
 */
export function purchaseTerms(level: Level, amountKopecks: number, available: number) {
  if (level.type === "discount") {
    return { maxSpend: 0, earn: 0, discountKopecks: discountKopecks(amountKopecks, level.percent) };
  }
  return {
    maxSpend: Math.min(available, spendCap(amountKopecks, level.maxSpendPercent)),
    earn: earnedPoints(amountKopecks, level.percent),
    discountKopecks: 0,
  };
}

/** `POST /integration/general/recalc`: what a purchase would earn and how much of it may be paid in points. */
export async function recalcPurchase(opts: {
  clientId: string;
  pointId: string;
  amountKopecks: number;
  holdIds: string[];
  allowed: PointScope;
  tx?: Db;
}): Promise<RecalcAnswer> {
  const db = opts.tx ?? prisma;
  await resolvePoint({ pointId: opts.pointId, allowed: opts.allowed, tx: db });
  const client = await db.loyaltyClient.findUnique({
    where: { id: opts.clientId },
    select: { id: true, level: { select: { percent: true, type: true, maxSpendPercent: true } } },
  });
  if (!client) throw fieldError("client", CLIENT_NOT_FOUND, { key: "clientNotFound" });
  const excludeHoldIds = await ownHoldIds({ clientId: client.id, holdIds: opts.holdIds, allowed: opts.allowed, tx: db });
  const { available } = await getBalance({ clientId: client.id, excludeHoldIds, tx: db });
  const terms = purchaseTerms(client.level, opts.amountKopecks, available);
  const answer: RecalcAnswer = {
    amount: toRoubles(opts.amountKopecks),
    percent: client.level.percent,
    type: client.level.type,
    spend: terms.maxSpend,
    earn: terms.earn,
  };
  if (client.level.type === "discount") answer.discount = toRoubles(terms.discountKopecks);
  return answer;
}
