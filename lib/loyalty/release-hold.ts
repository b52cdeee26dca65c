import { prisma, type Db } from "@/lib/db";
import type { PointScope } from "@/lib/loyalty/resolve-point";

export type ReleaseReason = "manual" | "operation";

/**
 * `POST /integration/general/bonuses/release`: lifts an active hold. Unknown, already released or
 * expired holds are answered with success all the same (seed 002); a key bound to points only
 * lifts holds made at its points. Returns whether a hold was actually released.
 */
export async function releaseHold({ holdId, allowed, now = new Date(), tx }: { holdId: string; allowed: PointScope; now?: Date; tx?: Db }) {
  const { count } = await (tx ?? prisma).hold.updateMany({
    where: { id: holdId, releasedAt: null, until: { gt: now }, ...(allowed ? { pointId: { in: allowed } } : {}) },
    data: { releasedAt: now, releaseReason: "manual" satisfies ReleaseReason },
  });
  return count > 0;
}
