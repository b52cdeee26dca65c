import { inTransaction, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { clearFailures } from "@/lib/auth/sign-in-throttle";
import { emailField, passwordField } from "@/lib/users/users.schema";
import { auditView } from "@/lib/users/create-user";

export type EnsureAdminResult = "created" | "updated" | "unchanged";

const SYSTEM_ACTOR = { id: null, label: "system:ADMIN_EMAIL" };

/**
 * Makes sure the given e-mail is an active admin whose password is the given one: creates the account,
 * or restores its role, enabled state and password. Safe to run at every start.
 */
export async function ensureAdmin({ email, password, tx }: { email: string; password: string; tx?: Tx }): Promise<EnsureAdminResult> {
  const address = emailField.parse(email);
  const plain = passwordField.parse(password);
  const result = await inTransaction(tx, async (db) => {
    const existing = await db.user.findUnique({ where: { email: address } });
    if (!existing) {
      const user = await db.user.create({ data: { email: address, role: "admin", passwordHash: await hashPassword(plain) } });
      await recordAudit({ actor: SYSTEM_ACTOR, action: "user.create", entityType: "user", entityId: user.id, after: auditView(user), tx: db });
      return "created" as const;
    }
    const samePassword = await verifyPassword(plain, existing.passwordHash);
    if (existing.role === "admin" && !existing.disabled && samePassword) return "unchanged" as const;
    const user = await db.user.update({
      where: { id: existing.id },
      data: { role: "admin", disabled: false, ...(samePassword ? {} : { passwordHash: await hashPassword(plain) }) },
    });
    await recordAudit({
      actor: SYSTEM_ACTOR,
      action: "user.ensure_admin",
      entityType: "user",
      entityId: user.id,
      before: auditView(existing),
      after: { ...auditView(user), passwordReset: !samePassword },
      tx: db,
    });
    return "updated" as const;
  });
  if (result === "updated") await clearFailures(`email:${address}`);
  return result;
}

/** The start script's hook: applies ADMIN_EMAIL / ADMIN_PASSWORD when both are set, otherwise does nothing. */
export async function ensureAdminFromEnv(): Promise<EnsureAdminResult | null> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return null;
  return ensureAdmin({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
}
