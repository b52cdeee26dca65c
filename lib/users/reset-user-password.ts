import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/passwords";
import { passwordField } from "@/lib/users/users.schema";
import { UserRuleError } from "@/lib/users/user-rule-error";

/**
 * An operator sets a user's password (`npm run portal -- user reset-password`). Only the password hash
 * changes: a disabled user stays disabled, the role and the sign-in throttle are left as they are, and
 * one audit entry records the reset (never the password).
 */
export async function resetUserPassword({ email, password, actor, tx }: { email: string; password: string; actor: Actor; tx?: Tx }) {
  const passwordHash = await hashPassword(passwordField.parse(password));
  return inTransaction(tx, async (db) => {
    const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, disabled: true } });
    if (!user) throw new UserRuleError("notFound");
    await db.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAudit({ actor, action: "user.reset_password", entityType: "user", entityId: user.id, after: { passwordReset: true }, tx: db });
    return user;
  });
}
