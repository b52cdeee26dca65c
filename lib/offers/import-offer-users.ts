import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { OfferRuleError } from "@/lib/offers/offer-errors";
import { describeProblems, parseCsvColumn } from "@/lib/offers/parse-csv-column";
import type { ImportResult } from "@/lib/offers/import-offer-codes";

/**
 * Sets the users a user-targeted offer is shown to, from a CSV column of the merchant's user ids (the
 * same ids IMSHOP sends as `userId`). Additive, or with `replace` the file becomes the whole list.
 */
export async function importOfferUsers({ actor, offerId, csv, replace = false, tx }: { actor: Actor; offerId: string; csv: string; replace?: boolean; tx?: Tx }): Promise<ImportResult> {
  const parsed = parseCsvColumn(csv, { headers: ["userid", "user_id", "user id", "id", "пользователь"], maxLength: 200 });
  if (parsed.problems.length) throw new OfferRuleError("badLines", describeProblems(parsed.problems));
  if (parsed.values.length === 0) throw new OfferRuleError("nothingImported");
  return inTransaction(tx, async (db) => {
    const offer = await db.offer.findUnique({ where: { id: offerId }, select: { id: true } });
    if (!offer) throw new OfferRuleError("offerNotFound", offerId);
    const removed = replace ? (await db.offerUser.deleteMany({ where: { offerId } })).count : 0;
    const userIds = parsed.values.map((v) => v.value);
    const added = await db.$executeRaw(Prisma.sql`
      INSERT INTO "OfferUser" ("offerId", "userId")
      SELECT ${offerId}, u FROM unnest(${userIds}::text[]) AS u
      ON CONFLICT DO NOTHING`);
    const total = await db.offerUser.count({ where: { offerId } });
    const result = { added, removed, duplicates: parsed.duplicates + (userIds.length - added), total };
    await recordAudit({ actor, action: "offer.import_users", entityType: "offer", entityId: offerId, after: { ...result, replace }, tx: db });
    return result;
  });
}
