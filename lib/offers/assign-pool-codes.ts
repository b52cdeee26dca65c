import { inTransaction, Prisma, type Db, type Tx } from "@/lib/db";

/**
 * Gives `userId` one free code from each listed pool, keeping any code they already hold, and returns
 * offerId → code. Free codes are taken with FOR UPDATE SKIP LOCKED, so concurrent users never wait for
 * or share a code; a per-user advisory lock makes two concurrent requests of the SAME user agree on one
 * code instead of tripping the (offerId, assignedUserId) unique index. Only a user's first request for
 * a pool offer gets here. Pools with no free code are absent from the result.
 */
export async function assignPoolCodes({ userId, offerIds, tx }: { userId: string; offerIds: string[]; tx?: Tx }): Promise<Map<string, string>> {
  if (offerIds.length === 0) return new Map();
  return inTransaction(tx, async (db) => {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`offer-codes:${userId}`}, 0))`;
    const held = await heldCodes(db, userId, offerIds);
    const missing = offerIds.filter((id) => !held.has(id));
    if (missing.length === 0) return held;
    const taken = await db.$queryRaw<{ offerId: string; code: string }[]>(Prisma.sql`
      UPDATE "OfferCode" c SET "assignedUserId" = ${userId}, "assignedAt" = now()
      FROM (
        SELECT f."id"
        FROM unnest(${missing}::text[]) AS w("offerId")
        CROSS JOIN LATERAL (
          SELECT x."id" FROM "OfferCode" x
          WHERE x."offerId" = w."offerId" AND x."assignedUserId" IS NULL
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        ) f
      ) picked
      WHERE c."id" = picked."id"
      RETURNING c."offerId", c."code"`);
    for (const row of taken) held.set(row.offerId, row.code);
    return held;
  });
}

/**
 * A free code of each pool, without taking it: for the preview. assignPoolCodes takes the first free code
 * the index yields (no ORDER BY: sorting a large pool on every hand-out would cost more than it is worth),
 * so this is an example of what the user would get, not a promise of that exact code.
 */
export async function peekPoolCodes(db: Db, offerIds: string[]): Promise<Map<string, string>> {
  if (offerIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ offerId: string; code: string }[]>(Prisma.sql`
    SELECT DISTINCT ON ("offerId") "offerId", "code" FROM "OfferCode"
    WHERE "offerId" = ANY(${offerIds}::text[]) AND "assignedUserId" IS NULL
    ORDER BY "offerId"`);
  return new Map(rows.map((r) => [r.offerId, r.code]));
}

async function heldCodes(db: Db, userId: string, offerIds: string[]): Promise<Map<string, string>> {
  const rows = await db.offerCode.findMany({
    where: { assignedUserId: userId, offerId: { in: offerIds } },
    select: { offerId: true, code: true },
  });
  return new Map(rows.map((r) => [r.offerId, r.code]));
}
