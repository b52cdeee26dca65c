import { prisma, type Db } from "@/lib/db";
import { LEVEL_LOCK } from "@/lib/loyalty/save-level";

/**
 * The level a new client gets: the one marked default, else the first by sort order. A portal with
 * no level at all (a fresh install, before an admin has set loyalty up) gets a neutral one — 0 %,
 * nothing earned — so that creating a client, e.g. for a scan approval, never fails for lack of a level.
 */
export async function defaultLevelId(db: Db = prisma): Promise<string> {
  const level =
    (await db.loyaltyLevel.findFirst({ where: { isDefault: true }, select: { id: true } })) ??
    (await db.loyaltyLevel.findFirst({ orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }], select: { id: true } }));
  if (level) return level.id;
  // Level edits serialise on this lock; re-check behind it so two first clients make one level.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LEVEL_LOCK}))`;
  const raced = await db.loyaltyLevel.findFirst({ select: { id: true } });
  if (raced) return raced.id;
  const created = await db.loyaltyLevel.create({
    data: { title: "Базовый", percent: 0, type: "cashback", maxSpendPercent: 100, isDefault: true },
    select: { id: true },
  });
  return created.id;
}
