import { inTransaction, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/passwords";
import { emailField, passwordField } from "@/lib/users/users.schema";
import { auditView } from "@/lib/users/create-user";

export type EnsureAdminResult = "created" | "exists";

const SYSTEM_ACTOR = { id: null, label: "system:ADMIN_EMAIL" };

/**
 * Creates the first admin when no account has this e-mail. An existing account is never touched: an
 * admin disabled or demoted after a compromise must not come back at the next restart
 * (`npm run portal -- user reset-password` is the deliberate way to change a password).
 */
export async function ensureAdmin({ email, password, tx }: { email: string; password: string; tx?: Tx }): Promise<EnsureAdminResult> {
  const address = emailField.parse(email);
  const plain = passwordField.parse(password);
  return inTransaction(tx, async (db) => {
    const existing = await db.user.findUnique({ where: { email: address }, select: { id: true } });
    if (existing) return "exists" as const;
    const user = await db.user.create({ data: { email: address, role: "admin", passwordHash: await hashPassword(plain) } });
    await recordAudit({ actor: SYSTEM_ACTOR, action: "user.create", entityType: "user", entityId: user.id, after: auditView(user), tx: db });
    return "created" as const;
  });
}

/** The start script's hook: applies ADMIN_EMAIL / ADMIN_PASSWORD when both are set, otherwise does nothing. */
export async function ensureAdminFromEnv(): Promise<EnsureAdminResult | null> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return null;
  return ensureAdmin({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
}
