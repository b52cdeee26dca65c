// `npm run worker`: the outbox worker on its own, e.g. on machines that do not serve the dashboard.
// Several may run at once; graphile-worker's locks and the per-entity queues keep each push single.
import { databaseUrl, env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startupProblems } from "@/lib/startup/startup-problems";
import { startMetricsServer } from "./metrics-server";
import { startWorker } from "./start-worker";

async function main() {
  const problems = await startupProblems();
  if (problems.length) {
    console.error(`[imshop-connect] the worker cannot start:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  const worker = await startWorker({
    databaseUrl: databaseUrl(),
    concurrency: env.WORKER_CONCURRENCY,
    pollInterval: env.WORKER_POLL_INTERVAL_MS,
    preparedStatements: env.WORKER_PREPARED_STATEMENTS,
  });
  const metricsServer = env.WORKER_METRICS_PORT ? await startMetricsServer(env.WORKER_METRICS_PORT) : null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "outbox worker: shutting down");
    metricsServer?.close();
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  logger.fatal({ err: error }, "outbox worker could not start");
  process.exit(1);
});
