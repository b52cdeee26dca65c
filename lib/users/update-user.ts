import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/passwords";
import { clearEmail } from "@/lib/auth/sign-in-throttle";
import type { Role } from "@/lib/auth/roles";
import { passwordField, roleField, type UserRow } from "@/lib/users/users.schema";
import { UserRuleError } from "@/lib/users/user-rule-error";
import { auditView } from "@/lib/users/create-user";
import { toUserRow, userRowSelect } from "@/lib/users/user-row";

export type UserChange = { role: Role } | { disabled: boolean } | { password: string };

/**
 * Changes one thing about a user: the role, disabled/enabled, or the password.
 * Admins cannot lock themselves out, and the last active admin cannot be disabled or demoted.
 */
export async function updateUser({
  actor,
  userId,
  change,
  tx,
}: {
  /** A dashboard user, or an operator at the CLI (no id: the self-lockout checks do not apply, the last-admin one does). */
  actor: Actor;
  userId: string;
  change: UserChange;
  tx?: Tx;
}): Promise<UserRow> {
  const passwordHash = "password" in change ? await hashPassword(passwordField.parse(change.password)) : null;
  const row = await inTransaction(tx, async (db) => {
    // Locking every active admin serialises concurrent demotions, so two admins cannot demote each other at once.
    const admins = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE role = 'admin' AND disabled = false ORDER BY id FOR UPDATE`;
    const before = await db.user.findUnique({ where: { id: userId }, select: userRowSelect });
    if (!before) throw new UserRuleError("notFound");

    const losesAdmin =
      before.role === "admin" &&
      !before.disabled &&
      (("disabled" in change && change.disabled) || ("role" in change && roleField.parse(change.role) !== "admin"));
    if (losesAdmin && userId === actor.id) throw new UserRuleError("disabled" in change ? "selfDisable" : "selfDemote");
    if (losesAdmin && admins.every((a) => a.id === userId)) {
      throw new UserRuleError("lastAdmin", "disabled" in change ? "disabled" : "role");
    }

    const { data, action } = describe(change, passwordHash);
    const after = await db.user.update({ where: { id: userId }, data, select: userRowSelect });
    await recordAudit({
      actor,
      action,
      entityType: "user",
      entityId: userId,
      before: passwordHash ? undefined : auditView(before),
      after: passwordHash ? { passwordReset: true } : auditView(after),
      tx: db,
    });
    return toUserRow(after);
  });
  // A new password is a fresh start: lift any sign-in lock from earlier failures.
  if (passwordHash) await clearEmail(row.email);
  return row;
}

// Every change here also bumps the session version: the user's open sessions end, so a reset password,
// a disabled account or a changed role takes effect on every device at once.
function describe(change: UserChange, passwordHash: string | null) {
  const signOut = { sessionVersion: { increment: 1 } };
  if ("role" in change) return { data: { role: change.role, ...signOut }, action: "user.set_role" };
  if ("disabled" in change) return { data: { disabled: change.disabled, ...signOut }, action: change.disabled ? "user.disable" : "user.enable" };
  return { data: { passwordHash: passwordHash!, ...signOut }, action: "user.reset_password" };
}
