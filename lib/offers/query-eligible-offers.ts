import { Prisma, type Db } from "@/lib/db";

export type EligibleOffer = {
  id: string;
  name: string;
  description: string;
  promocodeMode: "shared" | "pool";
  promocode: string | null;
  barcodeType: string;
  online: boolean;
  offline: boolean;
  expiresAt: Date | null;
  used: boolean;
  /** For pool offers: the code this user already holds, if any. */
  assignedCode: string | null;
};

/**
 * The offers one user may see, in ONE indexed query: active, started, not expired, and targeted at
 * everyone, at one of `segmentIds`, or at `userId`; with whether this user redeemed it and the pool code
 * they hold. Each join is a primary-key or unique-index lookup, so the cost does not grow with the number
 * of users, redemptions or codes. offer-status.ts restates the same rule for the dashboard.
 */
export async function queryEligibleOffers(db: Db, { userId, segmentIds, now }: { userId: string; segmentIds: string[]; now: Date }): Promise<EligibleOffer[]> {
  return db.$queryRaw<EligibleOffer[]>(Prisma.sql`
    SELECT o."id", o."name", o."description", o."promocodeMode"::text AS "promocodeMode", o."promocode",
           o."barcodeType", o."online", o."offline", o."expiresAt",
           (r."offerId" IS NOT NULL) AS "used",
           c."code" AS "assignedCode"
    FROM "Offer" o
    LEFT JOIN "OfferRedemption" r ON r."offerId" = o."id" AND r."userId" = ${userId}
    LEFT JOIN "OfferCode" c ON c."offerId" = o."id" AND c."assignedUserId" = ${userId}
    WHERE o."active"
      AND (o."startsAt" IS NULL OR o."startsAt" <= ${now}::timestamp(3))
      AND (o."expiresAt" IS NULL OR o."expiresAt" > ${now}::timestamp(3))
      AND (
        o."targeting" = 'everyone'
        OR (o."targeting" = 'segments' AND EXISTS (
              SELECT 1 FROM "OfferSegment" s WHERE s."offerId" = o."id" AND s."segmentId" = ANY(${segmentIds}::text[])))
        OR (o."targeting" = 'users' AND EXISTS (
              SELECT 1 FROM "OfferUser" u WHERE u."offerId" = o."id" AND u."userId" = ${userId}))
      )
    ORDER BY o."createdAt", o."id"`);
}
