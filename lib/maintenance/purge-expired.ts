import { prisma } from "@/lib/db";
import { purgeApiKeyUsage } from "@/lib/auth/api-key-rate-limit";
import { THROTTLE_RETENTION_MS } from "@/lib/auth/sign-in-throttle";

/**
 * How long a stored idempotency answer is worth keeping: a till retries a timed-out request within
 * minutes or, after an outage, hours; a week covers that with room to spare.
 */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const BATCH = 5000;

export type ExpiredPurgeReport = { idempotencyRecords: number; throttleRows: number; apiKeyUsage: number };

/**
 * Drops rows past their useful life (run by the worker's periodic task): idempotency answers older than
 * IDEMPOTENCY_RETENTION_MS, sign-in throttle rows untouched for THROTTLE_RETENTION_MS with no block still
 * running, and finished per-minute API key counters. Batched, so a large backlog holds no long locks.
 */
export async function purgeExpiredRecords({ now = new Date() }: { now?: Date } = {}): Promise<ExpiredPurgeReport> {
  const idempotencyCutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS);
  let idempotencyRecords = 0;
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM "IdempotencyRecord" WHERE (scope, key) IN (
        SELECT scope, key FROM "IdempotencyRecord" WHERE "createdAt" < ${idempotencyCutoff} LIMIT ${BATCH})`;
    idempotencyRecords += n;
    if (n < BATCH) break;
  }
  const throttleCutoff = new Date(now.getTime() - THROTTLE_RETENTION_MS);
  const { count: throttleRows } = await prisma.authThrottle.deleteMany({
    where: { firstFailureAt: { lt: throttleCutoff }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: throttleCutoff } }] },
  });
  const apiKeyUsage = await purgeApiKeyUsage(now);
  return { idempotencyRecords, throttleRows, apiKeyUsage };
}
