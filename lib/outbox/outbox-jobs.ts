import type { Db, Tx } from "@/lib/db";
import type { DeliveryKind } from "@/lib/generated/prisma/client";

// The outbox's jobs in graphile-worker, touched only through its public SQL API (add_job,
// reschedule_jobs, the `jobs` view) so a migration of its private tables cannot break us.

export const DELIVER_TASK = "deliver";
export const PURGE_TASK = "purge_delivery_log";

export type DeliverPayload = { deliveryId: string; kind: DeliveryKind };

/**
 * One key per entity, used both as graphile's job_key (a newer status replaces a pending job) and
 * as its queue_name (one entity's jobs run one at a time, so an older status cannot overtake).
 */
export const entityKey = (kind: DeliveryKind, entityId: string) => `${kind}:${entityId}`;

/** Serialises outbox bookkeeping for one entity until the transaction ends. */
export async function lockEntity(tx: Tx, kind: DeliveryKind, entityId: string): Promise<void> {
  const key = entityKey(kind, entityId);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}::text, 7411))`;
}

/**
 * Schedules (or reschedules) the entity's delivery job. When a job for the entity is already
 * running, graphile clears that job's key and queues this one behind it in the entity's queue.
 */
export async function scheduleDeliverJob(
  tx: Db,
  opts: { kind: DeliveryKind; entityId: string; deliveryId: string; runAt?: Date | null },
): Promise<void> {
  const key = entityKey(opts.kind, opts.entityId);
  const payload: DeliverPayload = { deliveryId: opts.deliveryId, kind: opts.kind };
  // max_attempts only covers the task crashing (database down…): IMSHOP's answers are retried by
  // the task itself, which schedules the next job, so graphile's own retries stay a safety net.
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${DELIVER_TASK}::text,
    ${JSON.stringify(payload)}::json,
    queue_name => ${key}::text,
    run_at => ${opts.runAt ?? null}::timestamptz,
    max_attempts => 25,
    job_key => ${key}::text,
    job_key_mode => 'replace'
  )`;
}

/** Moves every waiting delivery job of a kind to now, e.g. when its circuit closes or is resumed. */
export async function nudgeDeliverJobs(tx: Db, kind: DeliveryKind): Promise<number> {
  const prefix = `${kind}:%`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM graphile_worker.reschedule_jobs(
      ARRAY(
        SELECT id FROM graphile_worker.jobs
        WHERE task_identifier = ${DELIVER_TASK} AND key LIKE ${prefix}
          AND locked_at IS NULL AND attempts < max_attempts AND run_at > now()
      ),
      run_at => now()
    )`;
  await tx.delivery.updateMany({
    where: { kind, state: "pending", nextAttemptAt: { gt: new Date() } },
    data: { nextAttemptAt: new Date() },
  });
  return rows.length;
}
