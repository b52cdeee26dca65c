// Embedded PostgreSQL for `npm start` without DATABASE_URL: PGlite (Postgres compiled to WebAssembly,
// data in a folder) served over the PostgreSQL wire protocol by @electric-sql/pglite-socket, so the
// portal, Prisma, the schema engine and graphile-worker talk to it through `pg` exactly as to a server.
//
// PGlite is ONE backend session. pglite-socket multiplexes many client connections onto it by queueing
// protocol messages; while a connection is inside a transaction block only that connection's messages
// run, the others wait. Everything session-scoped is therefore shared by all connections (SET,
// named prepared statements, LISTEN, session advisory locks, temp tables). What that means for the
// portal is in EMBEDDED_LIMITATIONS below; tests/integration/embedded-postgres.test.ts proves it.
import { mkdirSync, openSync, writeSync, closeSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { sessionView } from "./embedded-postgres-session.mjs";

export const EMBEDDED_DEFAULT_PORT = 54329;

/**
 * What the embedded engine can and cannot do for this portal (each point verified by
 * tests/integration/embedded-postgres.test.ts and the evidence in the engineer's report).
 */
export const EMBEDDED_LIMITATIONS = Object.freeze({
  // The outbox worker works, but LISTEN/NOTIFY does not reach the listening connection: a NOTIFY
  // is delivered to whichever connection committed it. graphile-worker therefore finds new jobs
  // by polling (WORKER_POLL_INTERVAL_MS) instead of being woken at once.
  worker: true,
  listenNotify: false,
  // Named prepared statements live in the one shared session, so a second connection preparing
  // the same name fails with `prepared statement "…" already exists`: graphile-worker must run with
  // `preparedStatements: false` (EMBEDDED_WORKER_PRESET).
  namedPreparedStatements: false,
  // Session-level advisory locks never conflict (every connection is the same session);
  // transaction-level ones (pg_advisory_xact_lock) are fine because transactions are serialised.
  sessionAdvisoryLocks: false,
  // Transactions are serialised: one open transaction stalls every other connection until it ends,
  // and a transaction that waits for another connection deadlocks until its timeout.
  concurrentTransactions: false,
  // One database only: no CREATE DATABASE for Prisma's shadow database (`migrate dev`).
  shadowDatabase: false,
  // Only this process may open the data folder; the server must stay up while the portal runs.
  multiProcess: false,
});

/** graphile-worker preset fragment the outbox worker must use on the embedded engine. */
export const EMBEDDED_WORKER_PRESET = Object.freeze({ preparedStatements: false });

/** Extra environment for the Next.js server process when it runs on the embedded engine. */
export const embeddedServerEnv = Object.freeze({
  // Every query goes through one backend anyway; a small pool keeps queues short and leaves
  // connections for the worker, migrations and the seed.
  DATABASE_POOL_SIZE: "4",
  // Read by the worker bootstrap: disables graphile-worker's named prepared statements.
  WORKER_PREPARED_STATEMENTS: "false",
});

/** Lines the start script prints after starting the embedded engine. */
export const embeddedNotes = Object.freeze([
  "embedded PostgreSQL: for one machine and trying the portal out; all queries share one backend, so",
  "  transactions run one at a time and the outbox worker polls for jobs instead of being woken by NOTIFY.",
  "  For production set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DB to a PostgreSQL server (see README).",
]);

/** One process at a time per data folder: PGlite has no postmaster lock of its own. */
function acquireLock(lockPath) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The embedded database in ${path.dirname(lockPath)} is in use by process ${pid}. ` +
            `Stop that portal first, or set DATABASE_URL to a PostgreSQL server.`,
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
    pglite = await PGlite.create(dir);
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
      // Let sockets closed by stop() finish their own detach before the database goes away.
      await new Promise((resolve) => setImmediate(resolve));
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
