import { EventEmitter } from "node:events";
import pg from "pg";
import { Logger, run, runMigrations, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { logger } from "@/lib/logger";
import { lazy } from "@/lib/util/lazy";
import { deliverDelivery } from "@/lib/outbox/deliver-delivery";
import { DELIVER_TASK, PURGE_TASK } from "@/lib/outbox/outbox-jobs";
import { gcEntityQueues } from "@/lib/outbox/gc-entity-queues";
import { purgeDeliveryLog } from "@/lib/outbox/purge-delivery-log";
import { purgeExpiredRecords } from "@/lib/maintenance/purge-expired";
import { IMPORT_TASK } from "@/lib/imports/import-jobs";
import { failImport, runImport } from "@/lib/imports/run-import";
import { LIVENESS_KEY_SQL, recoverStalledJobs, type RecoveryReport } from "@/lib/outbox/recover-stalled-jobs";
import { REFRESH_OVERVIEW_TASK, refreshOverview } from "@/lib/overview/refresh-overview";

export type StartWorkerOptions = {
  databaseUrl: string;
  concurrency: number;
  pollInterval: number;
  /** false on the embedded engine (PGlite shares one session, so named statements collide). */
  preparedStatements?: boolean;
  /** A job locked this long by a pool that no longer holds its liveness lock is released. */
  stallGraceMs?: number;
  /** How often this process looks for stalled jobs and orphaned deliveries. */
  sweepIntervalMs?: number;
};

export type WorkerInstance = {
  /** Finishes running jobs (up to graphile's abort timeout), then releases everything. */
  stop: () => Promise<void>;
  /** The graphile pool id that locks this instance's jobs. */
  poolId: () => string | null;
  /** Runs the stalled-job sweep now (it also runs at start and every sweepIntervalMs). */
  recoverNow: () => Promise<RecoveryReport>;
};

// Made on first use: importing the worker must not read the environment.
const log = lazy(() => logger.child({ component: "outbox-worker" }));

/** The liveness connection's name in pg_stat_activity. */
export const LIVENESS_APPLICATION_NAME = "imshop-connect-worker-liveness";

/**
 * One run of the outbox worker: graphile-worker's runner with the `deliver` and log-retention tasks,
 * and a liveness lock that lets other workers release this one's jobs at once if it dies (graphile
 * alone waits 4 hours). `onFailure` is called once if the instance stops by itself (its liveness
 * connection or its runner died); worker/start-worker.ts then starts a fresh one.
 */
export async function startWorkerInstance(opts: StartWorkerOptions, onFailure: (reason: string) => void): Promise<WorkerInstance> {
  const pgPool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.concurrency + 3, application_name: "imshop-connect-worker" });
  // An idle client's connection dropping must not crash the process; the pool replaces it.
  pgPool.on("error", (error) => log.error({ err: error }, "worker database pool error"));
  pgPool.on("connect", (client) => client.on("error", (error) => log.error({ err: error }, "worker database client error")));
  const noPreparedStatements = opts.preparedStatements === false;
  const liveness = new pg.Client({ connectionString: opts.databaseUrl, application_name: LIVENESS_APPLICATION_NAME });
  try {
    await runMigrations({ pgPool, noPreparedStatements, logger: graphileLogger });
    await liveness.connect();
  } catch (error) {
    await liveness.end().catch(() => undefined);
    await pgPool.end().catch(() => undefined);
    throw error;
  }
  const stopping = new AbortController();
  let poolId: string | null = null;
  let livenessHeld: Promise<void> | null = null;
  let held = false;

  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
    livenessHeld = liveness.query(`SELECT pg_advisory_lock(${LIVENESS_KEY_SQL})`, [workerPool.id]).then(() => {
      held = true;
    });
  });

  const runner: Runner = await run({
    pgPool,
    concurrency: opts.concurrency,
    pollInterval: opts.pollInterval,
    noHandleSignals: true,
    noPreparedStatements,
    logger: graphileLogger,
    events,
    taskList: tasks(stopping.signal),
    // Graphile runs each tick once across all workers: the purge hourly, the overview's aggregates
    // every minute (the dashboard's home reads them instead of scanning 1M rows per view).
    crontab: [`0 * * * * ${PURGE_TASK} ?max=1&jobKey=${PURGE_TASK}`, `* * * * * ${REFRESH_OVERVIEW_TASK} ?max=1&jobKey=${REFRESH_OVERVIEW_TASK}`].join("\n"),
    // Awaited before every job fetch: no job is locked before the liveness lock that vouches for it.
    forbiddenFlags: () => (held ? null : (livenessHeld ?? Promise.reject(new Error("worker pool not created"))).then(() => null)),
  });

  const recoverNow = () => recoverStalledJobs({ ownPoolIds: poolId ? [poolId] : [], graceMs: opts.stallGraceMs ?? 10_000 });
  let sweeping: Promise<unknown> | null = null;
  const sweep = () => {
    sweeping ??= recoverNow()
      .catch((error) => log.error({ err: error }, "stalled-job sweep failed"))
      .finally(() => (sweeping = null));
  };
  sweep();
  const timer = setInterval(sweep, opts.sweepIntervalMs ?? 15_000);
  timer.unref();

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      clearInterval(timer);
      await runner.stop().catch((error) => log.error({ err: error }, "worker stop failed"));
      await sweeping;
      await liveness.end().catch(() => undefined);
      await pgPool.end().catch(() => undefined);
      log.info({ poolId }, "outbox worker stopped");
    })());

  let failed = false;
  const fail = (reason: string, error?: unknown) => {
    if (stopped || failed) return;
    failed = true;
    log.error({ err: error, poolId }, `outbox worker instance failed: ${reason}`);
    void stop().finally(() => onFailure(reason));
  };
  // Losing the liveness connection lets other workers take this worker's jobs: stop sending at once.
  const lost = (error?: Error) => {
    if (stopped) return;
    stopping.abort();
    fail("lost its liveness connection", error);
  };
  liveness.on("error", lost);
  liveness.on("end", () => lost());
  runner.promise.then(
    () => fail("the runner exited"),
    (error) => fail("the runner crashed", error),
  );

  log.info({ poolId, concurrency: opts.concurrency }, "outbox worker started");
  return { stop, poolId: () => poolId, recoverNow };
}

function tasks(stopping: AbortSignal): TaskList {
  return {
    [DELIVER_TASK]: async (payload, helpers) => {
      const deliveryId = (payload as { deliveryId?: unknown } | null)?.deliveryId;
      if (typeof deliveryId !== "string") {
        helpers.logger.error(`deliver job ${helpers.job.id} has no deliveryId; dropped`);
        return;
      }
      await deliverDelivery({ deliveryId, signal: AbortSignal.any([helpers.abortSignal, stopping]) });
    },
    [REFRESH_OVERVIEW_TASK]: async () => {
      await refreshOverview();
    },
    // A bulk CSV import: resumes after its last committed batch when a killed worker's job runs again.
    [IMPORT_TASK]: async (payload, helpers) => {
      const importId = (payload as { importId?: unknown } | null)?.importId;
      if (typeof importId !== "string") {
        helpers.logger.error(`import job ${helpers.job.id} has no importId; dropped`);
        return;
      }
      await runImport({ importId, signal: AbortSignal.any([helpers.abortSignal, stopping]) }).catch(async (error: unknown) => {
        // Retried with backoff (each run resumes); after the last attempt the page must not show it running forever.
        if (helpers.job.attempts >= helpers.job.max_attempts) await failImport({ importId, failure: "crashed" });
        throw error;
      });
    },
    [PURGE_TASK]: async () => {
      await purgeDeliveryLog();
      // One job queue per entity keeps deliveries in order; empty ones are collected here.
      await gcEntityQueues();
      // Idempotency answers, sign-in throttle rows and API key counters past their useful life.
      await purgeExpiredRecords();
    },
  };
}

const graphileLogger = new Logger((scope) => (level, message, meta) => {
  const fields = { ...scope, ...(meta ?? {}) };
  if (level === "error") log.error(fields, message);
  else if (level === "warning") log.warn(fields, message);
  // graphile's info lines (one per job, with the whole job) would drown ours: kept at debug.
  else if (level === "info" && !("job" in fields)) log.info(fields, message);
  else log.debug(fields, message);
});
