// The embedded PostgreSQL of `npm start` without DATABASE_URL (scripts/embedded-postgres.mjs):
// PGlite on a temporary folder, reached through `pg` as the portal reaches it. Uses none of the
// run's real database; each case proves something the portal relies on, including the places where
// stock pglite-socket multiplexing goes wrong (scripts/embedded-postgres-session.mjs).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { makeWorkerUtils, run as runWorker, runMigrations } from "graphile-worker";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { EMBEDDED_LIMITATIONS, startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";
import { applyMigrations } from "../../scripts/prisma-engine/migrate.mjs";
import { frontendMessage, rawConnection } from "../helpers/pg-wire";

type Embedded = Awaited<ReturnType<typeof startEmbeddedPostgres>>;

let dir: string;
let dataDir: string;
let db: Embedded;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "embedded-pg-"));
  dataDir = path.join(dir, "pglite");
  db = await startEmbeddedPostgres({ dataDir, port: 0 });
});

afterAll(async () => {
  await db?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL over pg", () => {
  it("holds other connections behind a transaction that has a row locked FOR UPDATE", async () => {
    const a = new pg.Client({ connectionString: db.url });
    const b = new pg.Client({ connectionString: db.url });
    await a.connect();
    await b.connect();
    try {
      // Outside `public`, which Prisma migrates below (it refuses a non-empty schema without its history).
      await a.query("CREATE SCHEMA probe; CREATE TABLE probe.account (id int PRIMARY KEY, balance int NOT NULL)");
      await a.query("INSERT INTO probe.account VALUES (1, 100)");
      await a.query("BEGIN");
      await a.query("SELECT balance FROM probe.account WHERE id = 1 FOR UPDATE");
      const events: string[] = [];
      const blocked = b.query("UPDATE probe.account SET balance = balance - 30 WHERE id = 1").then(() => events.push("b updated"));
      await new Promise((r) => setTimeout(r, 300));
      events.push("a commits");
      await a.query("UPDATE probe.account SET balance = balance - 50 WHERE id = 1");
      await a.query("COMMIT");
      await blocked;
      expect(events).toEqual(["a commits", "b updated"]);
      expect((await b.query("SELECT balance FROM probe.account WHERE id = 1")).rows[0].balance).toBe(20);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it("answers a pool of 3 with each query's own result and loses no concurrent update", async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 3 });
    try {
      await pool.query("CREATE TABLE probe.counter (id int PRIMARY KEY, n int NOT NULL)");
      await pool.query("INSERT INTO probe.counter VALUES (1, 0)");
      const echoes = await Promise.all(
        Array.from({ length: 60 }, (_, i) => pool.query("SELECT $1::int AS i, repeat('x', $1::int) AS pad", [i])),
      );
      expect(echoes.map((r) => r.rows[0].i)).toEqual(Array.from({ length: 60 }, (_, i) => i));
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          const c = await pool.connect();
          try {
            await c.query("BEGIN");
            const { rows } = await c.query("SELECT n FROM probe.counter WHERE id = 1 FOR UPDATE");
            await c.query("UPDATE probe.counter SET n = $1 WHERE id = 1", [rows[0].n + 1]);
            await c.query("COMMIT");
          } finally {
            c.release();
          }
        }),
      );
      expect((await pool.query("SELECT n FROM probe.counter")).rows[0].n).toBe(12);
    } finally {
      await pool.end();
    }
  });

  it("keeps a connection's Parse and its Bind together while another connection queries in between", async () => {
    // Stock pglite-socket let B's Parse replace A's unnamed statement here: A got B's row.
    const a = await rawConnection(db.port);
    const b = await rawConnection(db.port);
    try {
      a.send(frontendMessage.parse("SELECT 'from a' AS who"));
      await new Promise((r) => setTimeout(r, 100));
      const bDone = b.roundTrip(frontendMessage.extendedQuery("SELECT 'from b' AS who"));
      await new Promise((r) => setTimeout(r, 100));
      const aDone = a.roundTrip(frontendMessage.restOfQuery());
      expect(await aDone).toContain("from a");
      expect(await bDone).toContain("from b");
    } finally {
      a.close();
      b.close();
    }
  });

  it("delivers a NOTIFY to the connection that LISTENs", async () => {
    await withClient(async (listener) => {
      const got = new Promise<pg.Notification>((resolve) => listener.on("notification", resolve));
      await listener.query('LISTEN "embedded:test"');
      await withClient((other) => other.query("SELECT pg_notify('embedded:test', 'hello')"));
      const n = await Promise.race([got, new Promise((_, no) => setTimeout(() => no(new Error("no notification")), 3000))]);
      expect(n).toMatchObject({ channel: "embedded:test", payload: "hello" });
    });
  });

  it("lets every connection prepare the same named statement, and refuses a different one under that name", async () => {
    const q = { name: "embedded_same", text: "SELECT $1::int * 2 AS twice" };
    await withClient(async (a) => {
      await withClient(async (b) => {
        expect((await a.query({ ...q, values: [2] })).rows[0].twice).toBe(4);
        expect((await b.query({ ...q, values: [5] })).rows[0].twice).toBe(10);
        await withClient(async (c) => {
          await expect(c.query({ name: "embedded_same", text: "SELECT 1" })).rejects.toThrow(/already exists/);
          expect((await c.query("SELECT 1 AS ok")).rows[0].ok).toBe(1); // the failed batch left nothing behind
        });
      });
    });
  });

  it("refuses a connection to any database but postgres (a Prisma shadow database would land on the data)", async () => {
    const url = new URL(db.url);
    url.pathname = "/prisma_migrate_shadow_db_x";
    const client = new pg.Client({ connectionString: url.toString() });
    await expect(client.connect()).rejects.toMatchObject({ code: "3D000" });
    await client.end().catch(() => undefined);
  });

  it("refuses to open the data folder twice", async () => {
    await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toThrow(/already open in this process/);
  });

  it("listens on a free port when the asked one is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const taken = (blocker.address() as net.AddressInfo).port;
    const other = await startEmbeddedPostgres({ dataDir: path.join(dir, "second"), port: taken });
    try {
      expect(other.port).not.toBe(taken);
      const client = new pg.Client({ connectionString: other.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await other.stop();
      blocker.close();
    }
  });
});

describe("the portal's stack on the embedded engine", () => {
  it("applies every Prisma migration through the WebAssembly schema engine", async () => {
    const dirs = (await readdir(path.resolve(__dirname, "../../prisma/migrations"), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(await applyMigrations({ databaseUrl: db.url })).toEqual(dirs);
    expect(await applyMigrations({ databaseUrl: db.url })).toEqual([]);
    const rows = await withClient((c) => c.query('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL'));
    expect(rows.rows.map((r) => r.migration_name).sort()).toEqual(dirs);
  });

  it("runs Prisma Client queries and interactive transactions with FOR UPDATE through adapter-pg", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 4 }) });
    try {
      const key = `embedded-${Date.now()}`;
      await prisma.authThrottle.create({ data: { key } });
      await Promise.all(
        Array.from({ length: 8 }, () =>
          prisma.$transaction(async (tx) => {
            const [row] = await tx.$queryRaw<{ failures: number }[]>`SELECT failures FROM "AuthThrottle" WHERE key = ${key} FOR UPDATE`;
            await tx.authThrottle.update({ where: { key }, data: { failures: row.failures + 1 } });
          }),
        ),
      );
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.authThrottle.update({ where: { key }, data: { failures: 1000 } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect((await prisma.authThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(8);
      await expect(prisma.authThrottle.create({ data: { key } })).rejects.toMatchObject({ code: "P2002" });
    } finally {
      await prisma.$disconnect();
    }
  });

  it("runs graphile-worker: its migrations, and a job woken by NOTIFY on several connections with prepared statements", async () => {
    const pgPool = new pg.Pool({ connectionString: db.url, max: 4 });
    pgPool.on("error", () => undefined);
    await runMigrations({ pgPool });
    const done: number[] = [];
    // A long poll interval: the jobs must be found because NOTIFY woke the worker.
    const runner = await runWorker({
      pgPool,
      concurrency: 3,
      pollInterval: 60_000,
      noHandleSignals: true,
      logger: undefined,
      preset: { worker: { preparedStatements: true } },
      taskList: { embedded_probe: async (payload) => void done.push((payload as { n: number }).n) },
    });
    const errors: string[] = [];
    runner.events.on("worker:getJob:error", ({ error }) => errors.push(String(error)));
    const utils = await makeWorkerUtils({ pgPool });
    try {
      await new Promise((r) => setTimeout(r, 500)); // LISTEN is set up
      const started = Date.now();
      for (let n = 0; n < 9; n++) await utils.addJob("embedded_probe", { n });
      while (done.length < 9 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
      expect(done.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(errors).toEqual([]);
    } finally {
      await runner.stop();
      await utils.release();
      await pgPool.end();
    }
  });

  it("describes what the start script must know about the engine", () => {
    expect(EMBEDDED_LIMITATIONS).toMatchObject({ worker: true, listenNotify: true, namedPreparedStatements: true, shadowDatabase: false });
  });
});

describe("persistence", () => {
  it("keeps the data across a clean restart", async () => {
    await withClient((c) => c.query("CREATE TABLE probe.kept (v text); INSERT INTO probe.kept VALUES ('before restart')"));
    await db.stop();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    db = await startEmbeddedPostgres({ dataDir, port: 0 });
    const rows = await withClient((c) => c.query("SELECT v FROM probe.kept"));
    expect(rows.rows).toEqual([{ v: "before restart" }]);
    const migrations = await withClient((c) => c.query('SELECT count(*)::int AS n FROM "_prisma_migrations"'));
    expect(migrations.rows[0].n).toBeGreaterThan(0);
  });

  it.each([
    ["stopped by SIGTERM", "SIGTERM", 143],
    ["killed", "SIGKILL", null],
  ] as const)("keeps committed data and drops the open transaction when the process is %s", async (_, signal, exitCode) => {
    const crashDir = path.join(dir, `crash-${signal}`);
    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(path.resolve(__dirname, "../../scripts/embedded-postgres.mjs"))});
      const pg = (await import("pg")).default;
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(crashDir)}, port: 0, handleSignals: true });
      const c = new pg.Client({ connectionString: db.url });
      c.on("error", () => {});
      await c.connect();
      await c.query("CREATE TABLE t (v text)");
      await c.query("INSERT INTO t VALUES ('committed')");
      await c.query("BEGIN");
      await c.query("INSERT INTO t VALUES ('open')");
      console.log("READY");
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: path.resolve(__dirname, "../..") });
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d) => String(d).includes("READY") && resolve());
      void exited.then((code) => reject(new Error(`child exited with ${code}`)));
    });
    child.kill(signal);
    expect(await exited).toBe(exitCode);
    // A clean stop removes the lock; after a kill the stale lock is taken over.
    expect(existsSync(`${crashDir}.lock`)).toBe(signal === "SIGKILL");
    const again = await startEmbeddedPostgres({ dataDir: crashDir, port: 0 });
    try {
      const client = new pg.Client({ connectionString: again.url });
      await client.connect();
      expect((await client.query("SELECT v FROM t")).rows).toEqual([{ v: "committed" }]);
      await client.end();
    } finally {
      await again.stop();
    }
  });
});
