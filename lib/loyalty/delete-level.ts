import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";
import { LEVEL_LOCK, levelSelect } from "@/lib/loyalty/save-level";

/** Deletes a level nobody is on; the default level stays. */
export async function deleteLevel({ id, actor, tx }: { id: string; actor: Actor; tx?: Tx }) {
  return inTransaction(tx, async (db) => {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LEVEL_LOCK}))`;
    const level = await db.loyaltyLevel.findUnique({ where: { id }, select: levelSelect });
    if (!level) throw new LoyaltyRuleError("levelNotFound");
    if (level.isDefault) throw new LoyaltyRuleError("defaultLevelRequired");
    if (await db.loyaltyClient.count({ where: { levelId: id } })) throw new LoyaltyRuleError("levelInUse");
    await db.loyaltyLevel.delete({ where: { id } });
    await recordAudit({ actor, action: "loyalty.level.delete", entityType: "LoyaltyLevel", entityId: id, before: level, tx: db });
  });
}
