import { prisma, type Db } from "@/lib/db";
import { fieldError } from "@/lib/http/app-error";
import { invalidatedCache } from "@/lib/cache/invalidated-cache";

export const POINT_NOT_FOUND = "Point not found.";

/** Which points an API key may act for; null = every point. */
export type PointScope = string[] | null;

/**
 * Checks the till's point: it must exist, be active, and be one the API key is bound to. A key
 * bound to other points hears the same "Point not found." as for an unknown id (422), so a key
 * cannot probe which point ids exist elsewhere.
 */
export async function resolvePoint({ pointId, allowed, tx }: { pointId: string; allowed: PointScope; tx?: Db }) {
  if (allowed && !allowed.includes(pointId)) throw fieldError("point", POINT_NOT_FOUND, { key: "pointNotFound" });
  // Read through the caller's transaction on a miss (another connection could wait behind it on the
  // embedded engine). The till API's transactions never change points, so what they read is committed.
  const point = await pointCache.get(pointId, () =>
    (tx ?? prisma).loyaltyPoint.findUnique({ where: { id: pointId }, select: { id: true, active: true } }),
  );
  if (!point || !point.active) throw fieldError("point", POINT_NOT_FOUND, { key: "pointNotFound" });
  return point;
}

// Every till request names its point; points change by an admin's hand and a trigger NOTIFYs each
// change (migration cache_notify), so the check costs no statement while the listener is connected.
const pointCache = invalidatedCache<{ id: string; active: boolean }>("loyalty_points", { shortTtlMs: 2000, longTtlMs: 60_000, maxEntries: 10_000 });

/** Drops the cached points in this process at once (other processes hear the trigger's NOTIFY). */
export function invalidatePoints(): void {
  pointCache.clear();
}

/**
 * The caller's `hold` ids that really are this client's holds at points the key may see:
 * only those are counted back into the balance (and released by a purchase).
 */
export async function ownHoldIds({ clientId, holdIds, allowed, tx }: { clientId: string; holdIds: string[]; allowed: PointScope; tx?: Db }) {
  if (holdIds.length === 0) return [];
  const rows = await (tx ?? prisma).hold.findMany({
    where: { id: { in: holdIds }, clientId, ...(allowed ? { pointId: { in: allowed } } : {}) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
