import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";
import type { LevelInput } from "@/lib/loyalty/loyalty.schema";

/** Level edits take this advisory lock so two admins cannot leave zero or two default levels. */
export const LEVEL_LOCK = "loyalty-level-default";

export const levelSelect = { id: true, title: true, percent: true, type: true, maxSpendPercent: true, isDefault: true, sortOrder: true } as const;

/**
 * Creates or changes a loyalty level. Exactly one level is the default (new clients get it):
 * making a level the default takes the mark from the others, and the default cannot simply be unmarked.
 */
export async function saveLevel({ id, input, actor, tx }: { id?: string | null; input: LevelInput; actor: Actor; tx?: Tx }) {
  return inTransaction(tx, async (db) => {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LEVEL_LOCK}))`;
    const before = id ? await db.loyaltyLevel.findUnique({ where: { id }, select: levelSelect }) : null;
    if (id && !before) throw new LoyaltyRuleError("levelNotFound");
    const anyDefault = await db.loyaltyLevel.count({ where: { isDefault: true, ...(id ? { id: { not: id } } : {}) } });
    if (before?.isDefault && !input.isDefault) throw new LoyaltyRuleError("defaultLevelRequired");
    // The very first level becomes the default whatever the form said.
    const isDefault = input.isDefault || anyDefault === 0;
    if (isDefault) await db.loyaltyLevel.updateMany({ where: { isDefault: true, ...(id ? { id: { not: id } } : {}) }, data: { isDefault: false } });
    const data = { ...input, isDefault };
    const level = before
      ? await db.loyaltyLevel.update({ where: { id: before.id }, data, select: levelSelect })
      : await db.loyaltyLevel.create({ data, select: levelSelect });
    await recordAudit({
      actor,
      action: before ? "loyalty.level.update" : "loyalty.level.create",
      entityType: "LoyaltyLevel",
      entityId: level.id,
      before,
      after: level,
      tx: db,
    });
    return level;
  });
}
