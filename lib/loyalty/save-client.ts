import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";
import type { ClientInput } from "@/lib/loyalty/loyalty.schema";
import { normalizePhone } from "@/lib/loyalty/phone";

const clientSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  cardNumber: true,
  appCode: true,
  birthday: true,
  photo: true,
  levelId: true,
} as const;

/** The stored form of a client's profile fields: phone normalised, birthday as a date. */
export function clientData(input: ClientInput) {
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) throw new LoyaltyRuleError("phoneInvalid");
  return {
    name: input.name,
    phone,
    email: input.email,
    cardNumber: input.cardNumber,
    appCode: input.appCode,
    birthday: input.birthday ? new Date(`${input.birthday}T00:00:00Z`) : null,
    photo: input.photo,
    levelId: input.levelId,
  };
}

/** Creates a loyalty client, or edits one when `id` is given. The balance is not a profile field: see adjustBalance. */
export async function saveClient({ id, input, actor, tx }: { id?: string | null; input: ClientInput; actor: Actor; tx?: Tx }) {
  const data = clientData(input);
  return inTransaction(tx, async (db) => {
    if (!(await db.loyaltyLevel.findUnique({ where: { id: data.levelId }, select: { id: true } }))) throw new LoyaltyRuleError("levelNotFound");
    await assertUnique(db, data, id ?? null);
    const before = id ? await db.loyaltyClient.findUnique({ where: { id }, select: clientSelect }) : null;
    if (id && !before) throw new LoyaltyRuleError("clientNotFound");
    const client = before
      ? await db.loyaltyClient.update({ where: { id: before.id }, data, select: clientSelect })
      : await db.loyaltyClient.create({ data, select: clientSelect });
    await recordAudit({
      actor,
      action: before ? "loyalty.client.update" : "loyalty.client.create",
      entityType: "LoyaltyClient",
      entityId: client.id,
      before,
      after: client,
      tx: db,
    });
    return client;
  }).catch((error) => {
    // Two saves racing for the same phone: the unique index decides, the form hears which field.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw uniqueError(error);
    throw error;
  });
}

type Identifiers = { phone: string | null; cardNumber: string | null; appCode: string | null };

/** Checked before writing so an outer transaction is not aborted by a unique violation. */
export async function assertUnique(db: Tx, data: Identifiers, exceptId: string | null) {
  const checks = [
    ["phone", data.phone, "phoneTaken"],
    ["cardNumber", data.cardNumber, "cardNumberTaken"],
    ["appCode", data.appCode, "appCodeTaken"],
  ] as const;
  for (const [field, value, rule] of checks) {
    if (!value) continue;
    const other = await db.loyaltyClient.findFirst({ where: { [field]: value, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
    if (other) throw new LoyaltyRuleError(rule);
  }
}

function uniqueError(error: Prisma.PrismaClientKnownRequestError): LoyaltyRuleError {
  const target = JSON.stringify(error.meta ?? {});
  if (target.includes("cardNumber")) return new LoyaltyRuleError("cardNumberTaken");
  if (target.includes("appCode")) return new LoyaltyRuleError("appCodeTaken");
  return new LoyaltyRuleError("phoneTaken");
}
