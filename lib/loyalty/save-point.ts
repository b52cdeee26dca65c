import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";
import type { PointInput } from "@/lib/loyalty/loyalty.schema";
import { invalidatePoints } from "@/lib/loyalty/resolve-point";

const pointSelect = { id: true, name: true, address: true, active: true } as const;

/** Creates a point of sale, or changes one when `id` is given. Points are deactivated, never deleted. */
export async function savePoint({ id, input, actor, tx }: { id?: string | null; input: PointInput; actor: Actor; tx?: Tx }) {
  // The till API's point check is cached: forget it here once committed (other servers hear the NOTIFY).
  const saved = await inTransaction(tx, async (db) => {
    const before = id ? await db.loyaltyPoint.findUnique({ where: { id }, select: pointSelect }) : null;
    if (id && !before) throw new LoyaltyRuleError("pointNotFound");
    const data = { name: input.name, address: input.address, active: input.active };
    const point = before
      ? await db.loyaltyPoint.update({ where: { id: before.id }, data, select: pointSelect })
      : await db.loyaltyPoint.create({ data, select: pointSelect });
    await recordAudit({
      actor,
      action: before ? "loyalty.point.update" : "loyalty.point.create",
      entityType: "LoyaltyPoint",
      entityId: point.id,
      before,
      after: point,
      tx: db,
    });
    return point;
  });
  invalidatePoints();
  return saved;
}
