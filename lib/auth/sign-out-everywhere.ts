import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

/** Ends every session of the user, on every device: their tokens carry the old session version. */
export async function signOutEverywhere({ actor, userId, tx }: { actor: Actor; userId: string; tx?: Tx }): Promise<void> {
  await inTransaction(tx, async (db) => {
    const user = await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAudit({ actor, action: "user.sign_out_everywhere", entityType: "user", entityId: userId, after: { sessionVersion: user.sessionVersion }, tx: db });
  });
}
