// Embedded PostgreSQL for `npm start` without DATABASE_URL: PGlite (Postgres compiled to WebAssembly,
// data in a folder) served over the PostgreSQL wire protocol by @electric-sql/pglite-socket, so the
// portal, Prisma, the schema engine and graphile-worker talk to it through `pg` exactly as to a server.
//
// PGlite is ONE backend session. pglite-socket multiplexes many client connections onto it by queueing
// protocol messages; while a connection is inside a transaction block only that connection's messages
// run, the others wait. scripts/embedded-postgres-session.mjs mends what that breaks for the portal
// (extended-query batches, NOTIFY, named prepared statements, the database name); what remains is
// in EMBEDDED_LIMITATIONS below. tests/integration/embedded-postgres.test.ts proves each point.
import { mkdirSync, openSync, writeSync, closeSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { sessionView } from "./embedded-postgres-session.mjs";

export const EMBEDDED_DEFAULT_PORT = 54329;

/**
 * What the embedded engine can and cannot do for this portal (tests/integration/embedded-postgres.test.ts).
 * Nothing here stops `npm start`: the portal, migrations, seed and the outbox worker all run.
 */
export const EMBEDDED_LIMITATIONS = Object.freeze({
  // The outbox worker runs in the portal: jobs are found at once (NOTIFY is relayed to the
  // connection that ran LISTEN) and processed on several connections.
  worker: true,
  workerReason: null,
  listenNotify: true,
  // Same name and text on several connections share one statement; a different text under a name
  // another connection prepared fails with `prepared statement "…" already exists`.
  namedPreparedStatements: true,
  // All connections are one session: SET, session advisory locks (pg_advisory_lock never blocks
  // another connection) and temp tables are shared. Transaction-level locks work. The outbox's
  // liveness lock therefore cannot tell a live worker process from a dead one: run the worker only
  // inside the portal (WORKER_IN_PROCESS=true, the default), never an extra `npm run worker`.
  sessionIsolation: false,
  // Transactions run one at a time: an open transaction holds every other connection until it ends,
  // and code that waits inside a transaction for a query on another connection (prisma instead of tx)
  // hangs until the transaction's timeout, where a server would answer at once.
  concurrentTransactions: false,
  // Only the database `postgres`: CREATE DATABASE succeeds but cannot be connected to, so Prisma's
  // shadow database (`db:migrate:new`), the integration tests and e2e need a PostgreSQL server.
  shadowDatabase: false,
  // One process owns the data folder (a lock file next to it); other machines cannot share it.
  multiProcess: false,
});

/** Extra environment for the Next.js server process when it runs on the embedded engine. */
export const embeddedServerEnv = Object.freeze({
  // One backend does the work whatever the pool size; a small pool keeps the queue short and
  // leaves connections for the worker.
  DATABASE_POOL_SIZE: "4",
  // Belt and braces: the worker then does not depend on the shared named statements above.
  WORKER_PREPARED_STATEMENTS: "false",
});

/** Lines the start script prints after starting the embedded engine. */
export const embeddedNotes = Object.freeze([
  "the embedded PostgreSQL is for trying the portal on one machine: every query shares one backend,",
  "  so transactions run one at a time. For production set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DB",
  "  to a PostgreSQL server (see README); the tests and `npm run db:migrate:new` need one too.",
]);

// Data folders this process has open: a lock file with our own pid is stale unless listed here
// (in a container the portal may get the same pid after every restart).
const openHere = new Set();

/** One process at a time per data folder: PGlite has no postmaster lock of its own. */
function acquireLock(lockPath) {
  if (openHere.has(lockPath)) throw new Error(`The embedded database ${lockPath.replace(/\.lock$/, "")} is already open in this process.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      openHere.add(lockPath);
      return () => {
        openHere.delete(lockPath);
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The embedded database ${lockPath.replace(/\.lock$/, "")} is in use by process ${pid}. Stop that portal ` +
            `first (if none is running, delete ${lockPath}), or set DATABASE_URL to a PostgreSQL server.`,
        );
      }
      rmSync(lockPath, { force: true }); // left by a process that died
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

async function listen(pglite, { host, port, maxConnections }) {
  // pglite-socket 0.2.17 keeps its connections in `handlers`, each with its `socket` (both private);
  // if a later version hides them, notifications stay where PGlite puts them and the worker polls.
  let handlers = null;
  const sockets = () => handlers && [...handlers].map((h) => h.socket).filter((s) => s?.writable);
  const server = new PGLiteSocketServer({ db: sessionView(pglite, sockets), host, port, maxConnections });
  if (server.handlers instanceof Set) handlers = server.handlers;
  await server.start();
  return server;
}

/**
 * Starts PGlite on `dataDir` (created when missing, kept across restarts) and serves it on
 * host:port. A busy fixed port falls back to a free one: always connect through the returned url.
 *
 * @param {{ dataDir: string, port?: number, host?: string, maxConnections?: number,
 *           handleSignals?: boolean, beforeStop?: () => unknown, log?: (line: string) => void }} options
 *   handleSignals: on SIGINT/SIGTERM run `beforeStop` (e.g. stop the server child), stop, then exit.
 * @returns {Promise<{ url: string, host: string, port: number, dataDir: string,
 *           stats: () => { activeConnections: number, queuedQueries: number, maxConnections: number },
 *           stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({
  dataDir,
  port = EMBEDDED_DEFAULT_PORT,
  host = "127.0.0.1",
  maxConnections = 100,
  handleSignals = false,
  beforeStop,
  log = () => undefined,
}) {
  if (!dataDir) throw new Error("startEmbeddedPostgres: dataDir is required");
  const dir = path.resolve(dataDir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const releaseLock = acquireLock(`${dir}.lock`);

  let pglite;
  let server;
  try {
    // pg_trgm: the orders search's trigram indexes (a migration creates the extension).
    pglite = await PGlite.create(dir, { extensions: { pg_trgm } });
    try {
      server = await listen(pglite, { host, port, maxConnections });
    } catch (error) {
      if (error.code !== "EADDRINUSE" || port === 0) throw error;
      log(`port ${port} is busy; the embedded database listens on a free port instead`);
      server = await listen(pglite, { host, port: 0, maxConnections });
    }
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }

  const actualPort = Number(server.getServerConn().split(":").pop());
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      await server.stop();
      // Let connections closed by stop() finish their own detach (and roll back an open
      // transaction) before the database goes away.
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < 50 && pglite.isInTransaction(); i++) await new Promise((r) => setTimeout(r, 20));
      await pglite.close(); // checkpoints, so the next start needs no WAL recovery
      releaseLock();
    })());

  if (handleSignals) {
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.once(signal, async () => {
        process.once(signal, () => process.exit(1)); // a second signal does not wait
        await Promise.resolve(beforeStop?.()).catch(() => undefined);
        await stop().catch((error) => log(`embedded database did not close cleanly: ${error.message}`));
        process.exit(signal === "SIGINT" ? 130 : 143);
      });
    }
  }

  return {
    url: `postgresql://postgres:postgres@${host}:${actualPort}/postgres`,
    host,
    port: actualPort,
    dataDir: dir,
    stats: () => server.getStats(),
    stop,
  };
}
