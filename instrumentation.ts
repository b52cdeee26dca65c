// Next.js calls register() once when the server starts. It refuses to serve with a wrong environment or
// the demo's public credentials outside a demo (`npm run serve` has no start script in front of it), then
// runs the outbox worker inside the web server unless WORKER_IN_PROCESS=false (then `npm run worker`
// runs it elsewhere).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, before any request: the client address (allow-lists, sign-in limits) comes from the socket.
  const { installSocketAddressStamp } = await import("@/lib/http/socket-address");
  installSocketAddressStamp();
  const { startupProblems } = await import("@/lib/startup/startup-problems");
  const { logger } = await import("@/lib/logger");
  // A database that is down at start is not a reason to refuse: /api/health reports it until it is back.
  const problems = await startupProblems().catch((error: unknown) => {
    logger.warn({ err: error }, "start: the database could not be checked for demo credentials");
    return startupProblems({ database: false });
  });
  if (problems.length) {
    console.error(`[imshop-connect] cannot start:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  const { env, databaseUrl } = await import("@/lib/env");
  if (!env.WORKER_IN_PROCESS) return;
  const { startWorker } = await import("@/worker/start-worker");
  const start = async (delayMs: number): Promise<void> => {
    try {
      await startWorker({
        databaseUrl: databaseUrl(),
        concurrency: env.WORKER_CONCURRENCY,
        pollInterval: env.WORKER_POLL_INTERVAL_MS,
        preparedStatements: env.WORKER_PREPARED_STATEMENTS,
      });
    } catch (error) {
      // The dashboard and webhooks keep working; pushes wait in the outbox until the worker is up.
      logger.error({ err: error, retryInMs: delayMs }, "the in-process outbox worker could not start");
      setTimeout(() => void start(Math.min(delayMs * 2, 60_000)), delayMs).unref();
    }
  };
  // Not awaited: the server must not wait for the worker (nor fail with it) to serve requests.
  void start(5000);
}
