import { prisma } from "@/lib/db";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";
import { logger } from "@/lib/logger";

const BATCH = 5000;

export type PurgeReport = { attempts: number; deliveries: number; cutoff: Date };

/**
 * Drops the delivery log older than the configured retention: attempt rows, and deliveries that
 * are settled (delivered, failed, superseded). Pending deliveries and dead letters stay whatever
 * their age: one is still owed to IMSHOP, the other waits for an admin to replay it. A newer version
 * is kept while an older dead letter exists, so replaying that letter still sees it was overtaken.
 * Deletes in batches so a large backlog does not hold long locks.
 */
export async function purgeDeliveryLog({ now = new Date(), retentionDays }: { now?: Date; retentionDays?: number } = {}): Promise<PurgeReport> {
  const days = retentionDays ?? (await ensureImshopSettings()).deliveryLogRetentionDays;
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  let attempts = 0;
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM "DeliveryAttempt" WHERE id IN (
        SELECT id FROM "DeliveryAttempt" WHERE "startedAt" < ${cutoff} LIMIT ${BATCH})`;
    attempts += n;
    if (n < BATCH) break;
  }
  let deliveries = 0;
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM "Delivery" WHERE id IN (
        SELECT d.id FROM "Delivery" d
        WHERE d.state IN ('delivered', 'failed', 'superseded') AND d."updatedAt" < ${cutoff}
          AND NOT EXISTS (
            SELECT 1 FROM "Delivery" o
            WHERE o.kind = d.kind AND o."entityId" = d."entityId" AND o."entityVersion" < d."entityVersion"
              AND o.state IN ('pending', 'dead'))
        LIMIT ${BATCH})`;
    deliveries += n;
    if (n < BATCH) break;
  }
  if (attempts || deliveries) logger.info({ attempts, deliveries, cutoff }, "outbox: purged the delivery log");
  return { attempts, deliveries, cutoff };
}
