// Next.js calls register() once when the server starts: the outbox worker runs inside the web
// server unless WORKER_IN_PROCESS=false (then `npm run worker` runs it elsewhere).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, databaseUrl } = await import("@/lib/env");
  if (!env.WORKER_IN_PROCESS) return;
  const { startWorker } = await import("@/worker/start-worker");
  const { logger } = await import("@/lib/logger");
  try {
    await startWorker({
      databaseUrl: databaseUrl(),
      concurrency: env.WORKER_CONCURRENCY,
      pollInterval: env.WORKER_POLL_INTERVAL_MS,
      preparedStatements: env.WORKER_PREPARED_STATEMENTS,
    });
  } catch (error) {
    // The dashboard and webhooks still work; pushes wait in the outbox until a worker runs.
    logger.error({ err: error }, "the in-process outbox worker could not start");
  }
}
