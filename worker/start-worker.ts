import { logger } from "@/lib/logger";
import { lazy } from "@/lib/util/lazy";
import type { RecoveryReport } from "@/lib/outbox/recover-stalled-jobs";
import { startWorkerInstance, type StartWorkerOptions as InstanceOptions, type WorkerInstance } from "./worker-instance";

export type StartWorkerOptions = InstanceOptions & {
  /** First wait before restarting an instance that failed; doubles up to a minute. */
  restartDelayMs?: number;
};

export type WorkerHandle = {
  /** Finishes running jobs (up to graphile's abort timeout), then releases everything. */
  stop: () => Promise<void>;
  /** The graphile pool id that currently locks this worker's jobs (changes after a restart). */
  poolId: () => string | null;
  /** Runs the stalled-job sweep now (it also runs at start and every sweepIntervalMs). */
  recoverNow: () => Promise<RecoveryReport>;
};

const MAX_RESTART_DELAY_MS = 60_000;
// Made on first use: importing the worker must not read the environment.
const log = lazy(() => logger.child({ component: "outbox-worker" }));

/**
 * Starts the outbox worker and keeps it running: an instance that dies on its own (database restart,
 * lost connection) is replaced by a fresh one, so pushes never stall until the next deploy.
 * Used by `npm run worker` and, inside the web server, by instrumentation.ts. Throws if the first
 * start fails (the database is unreachable), so a standalone worker exits for its supervisor to see.
 */
export async function startWorker(opts: StartWorkerOptions): Promise<WorkerHandle> {
  const baseDelay = opts.restartDelayMs ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: WorkerInstance | null = null;
  let starting: Promise<unknown> | null = null;

  const restart = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      timer = null;
      if (stopped) return;
      try {
        const pending = startWorkerInstance(opts, onFailure);
        starting = pending.catch(() => undefined);
        const next = await pending;
        if (stopped) return void (await next.stop());
        current = next;
        log.info({ poolId: next.poolId() }, "outbox worker restarted");
      } catch (error) {
        if (stopped) return;
        const again = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
        log.error({ err: error, retryInMs: again }, "outbox worker could not restart");
        restart(again);
      }
    }, delay);
  };
  function onFailure() {
    current = null;
    restart(baseDelay);
  }

  current = await startWorkerInstance(opts, onFailure);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await starting;
      await current?.stop();
    },
    poolId: () => current?.poolId() ?? null,
    recoverNow: () => {
      if (!current) return Promise.reject(new Error("the outbox worker is restarting"));
      return current.recoverNow();
    },
  };
}
