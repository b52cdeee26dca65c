import { prisma, type Tx } from "@/lib/db";
import type { DeliveryKind } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { DELIVER_TASK, entityKey, lockEntity, scheduleDeliverJob } from "@/lib/outbox/outbox-jobs";

// graphile-worker only releases a dead worker's locked jobs after 4 hours. Each of our worker pools
// instead holds a session advisory lock derived from its id for as long as it lives (see
// worker/start-worker.ts); a pool whose lock can be taken is gone, so its jobs are released now.

/** The advisory-lock key for a pool id, computed in SQL so every process derives the same one. */
export const LIVENESS_KEY_SQL = "('x' || substr(md5($1::text), 1, 16))::bit(64)::bigint";

export type RecoveryReport = { unlockedPools: string[]; requeued: number };

export async function recoverStalledJobs(opts: {
  /** Pools of this process: alive by definition (and on the embedded engine the lock cannot tell). */
  ownPoolIds: string[];
  /** Jobs locked more recently than this are left alone. */
  graceMs: number;
}): Promise<RecoveryReport> {
  const unlockedPools = await unlockDeadPools(opts);
  const requeued = await requeueOrphans();
  if (unlockedPools.length || requeued) logger.warn({ unlockedPools, requeued }, "outbox: recovered stalled deliveries");
  return { unlockedPools, requeued };
}

async function unlockDeadPools({ ownPoolIds, graceMs }: { ownPoolIds: string[]; graceMs: number }): Promise<string[]> {
  const locked = await prisma.$queryRaw<{ locked_by: string }[]>`
    SELECT DISTINCT locked_by FROM graphile_worker.jobs
    WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => ${graceMs / 1000}::float8)`;
  const dead: string[] = [];
  for (const { locked_by: poolId } of locked) {
    if (ownPoolIds.includes(poolId)) continue;
    const released = await prisma.$transaction(async (tx) => {
      const [probe] = await tx.$queryRaw<{ free: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(('x' || substr(md5(${poolId}::text), 1, 16))::bit(64)::bigint) AS free`;
      if (!probe?.free) return false;
      await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(ARRAY[${poolId}::text])`;
      return true;
    });
    if (released) dead.push(poolId);
  }
  return dead;
}

/** Pending deliveries whose job is gone (e.g. graphile gave up after the task kept crashing). */
async function requeueOrphans(): Promise<number> {
  const orphans = await prisma.$queryRaw<{ id: string; kind: DeliveryKind; entityId: string }[]>`
    SELECT d.id, d.kind, d."entityId" FROM "Delivery" d
    WHERE d.state = 'pending'
      AND NOT EXISTS (
        SELECT 1 FROM graphile_worker.jobs j
        WHERE j.task_identifier = ${DELIVER_TASK}
          AND j.key = d.kind::text || ':' || d."entityId"
          AND (j.locked_at IS NOT NULL OR j.attempts < j.max_attempts))
    ORDER BY d."createdAt"
    LIMIT 500`;
  let requeued = 0;
  for (const orphan of orphans) {
    const done = await prisma.$transaction(async (tx) => {
      await lockEntity(tx, orphan.kind, orphan.entityId);
      // Re-checked under the entity lock: a worker may have scheduled the job meanwhile.
      const still = await tx.delivery.findFirst({ where: { id: orphan.id, state: "pending" }, select: { nextAttemptAt: true } });
      if (!still || (await hasLiveJob(tx, entityKey(orphan.kind, orphan.entityId)))) return false;
      await scheduleDeliverJob(tx, { kind: orphan.kind, entityId: orphan.entityId, deliveryId: orphan.id, runAt: still.nextAttemptAt });
      return true;
    });
    if (done) requeued++;
  }
  return requeued;
}

async function hasLiveJob(tx: Tx, key: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM graphile_worker.jobs
    WHERE task_identifier = ${DELIVER_TASK} AND key = ${key} AND (locked_at IS NOT NULL OR attempts < max_attempts)
    LIMIT 1`;
  return rows.length > 0;
}
