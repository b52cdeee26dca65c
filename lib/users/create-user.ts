import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/passwords";
import { createUserSchema, type CreateUserInput, type UserRow } from "@/lib/users/users.schema";
import { UserRuleError } from "@/lib/users/user-rule-error";
import { toUserRow, userRowSelect } from "@/lib/users/user-row";

/** Creates a dashboard user; a second account with the same e-mail is refused with a field error. */
export async function createUser({ actor, input, tx }: { actor: Actor; input: CreateUserInput; tx?: Tx }): Promise<UserRow> {
  const data = createUserSchema.parse(input);
  // Hash outside the transaction: bcrypt is slow and must not hold a connection open.
  const passwordHash = await hashPassword(data.password);
  try {
    return await inTransaction(tx, async (db) => {
      // Checked first so an outer transaction is not aborted by the unique violation; the catch covers a race.
      if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw new UserRuleError("emailTaken");
      const user = await db.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
        select: userRowSelect,
      });
      const row = toUserRow(user);
      await recordAudit({ actor, action: "user.create", entityType: "user", entityId: user.id, after: auditView(row), tx: db });
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserRuleError("emailTaken");
    throw error;
  }
}

/** What the audit log keeps about a user: never the password hash. */
export function auditView(row: Pick<UserRow, "email" | "name" | "role" | "disabled">) {
  return { email: row.email, name: row.name, role: row.role, disabled: row.disabled };
}
