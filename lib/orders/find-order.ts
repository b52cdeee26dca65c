import type { Db } from "@/lib/db";

/**
 * Finds an order by the id IMSHOP and merchant systems use on the wire: IMSHOP's uuid, or the merchant's
 * own number (seed 001). The uuid wins when a value happens to be both.
 */
export async function findOrderIdByWireId(db: Db, wireId: string): Promise<string | null> {
  const byUuid = await db.order.findUnique({ where: { uuid: wireId }, select: { id: true } });
  if (byUuid) return byUuid.id;
  const byNumber = await db.order.findUnique({ where: { internalId: wireId }, select: { id: true } });
  return byNumber?.id ?? null;
}
