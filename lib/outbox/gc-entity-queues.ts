import { prisma } from "@/lib/db";

const BATCH = 1000;

/**
 * Deletes the empty per-entity job queues. graphile-worker's own GC_JOB_QUEUES can delete a queue
 * row while a transaction is adding a job to it (the job then loses its queue and its ordering), so
 * each queue is deleted only under the same per-entity lock every outbox writer takes (lockEntity),
 * and re-checked for jobs in a statement that starts after the lock is held. graphile-worker's
 * private table is touched here deliberately, as its own cleanup does; the version is pinned.
 */
export async function gcEntityQueues(): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: number }[]>`
        SELECT q.id FROM graphile_worker._private_job_queues q
        WHERE q.locked_at IS NULL
          AND (q.queue_name LIKE 'scan\\_status:%' OR q.queue_name LIKE 'order\\_status:%')
          AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.job_queue_id = q.id)
          AND pg_try_advisory_xact_lock(hashtextextended(q.queue_name, 7411))
        LIMIT ${BATCH}`;
      if (locked.length === 0) return { candidates: 0, deleted: 0 };
      const ids = locked.map((r) => r.id);
      const n = await tx.$executeRaw`
        DELETE FROM graphile_worker._private_job_queues q
        WHERE q.id = ANY(${ids}::int[]) AND q.locked_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.job_queue_id = q.id)`;
      return { candidates: locked.length, deleted: n };
    });
    total += deleted.deleted;
    if (deleted.candidates < BATCH) return total;
  }
}
