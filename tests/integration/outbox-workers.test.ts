import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import {
  attemptsOf,
  configureImshop,
  enqueue,
  enqueueFreshScan,
  requestsFor,
  sleep,
  startTestWorker,
  uid,
  waitForDelivery,
  waitUntil,
  withOutboxFake,
} from "@/tests/helpers/outbox-kit";

const fake = withOutboxFake({ answers: { "/scan-status": 204 } });
const children: ChildProcess[] = [];

// Registered after the kit's hooks, so (after-hooks running in reverse) the spawned workers die before the in-process ones stop.
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

const lockedBy = async (entityId: string) => {
  const rows = await prisma.$queryRaw<{ locked_by: string | null }[]>`
    SELECT locked_by FROM graphile_worker.jobs WHERE queue_name = ${`scan_status:${entityId}`} AND locked_by IS NOT NULL`;
  return rows[0]?.locked_by ?? null;
};

/** `npm run worker` in its own process, so the test can kill it like a crash would. */
function spawnWorkerProcess(): ChildProcess {
  const root = path.resolve(__dirname, "../..");
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild a kill would miss.
  const child = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, WORKER_CONCURRENCY: "1", WORKER_POLL_INTERVAL_MS: "100", NODE_ENV: "test" },
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

describe("outbox: several workers", () => {
  it("two workers never deliver the same push twice", async () => {
    await configureImshop(fake, { maxAttempts: 20, backoffBaseMs: 20, backoffMaxMs: 100 });
    // Slow and flaky: widens every race window between the two workers.
    let n = 0;
    fake.respondWith(() => (++n % 5 === 0 ? 500 : { status: 204, delayMs: 10 + (n % 4) * 15 }), "/scan-status");
    await startTestWorker({ concurrency: 4 });
    await startTestWorker({ concurrency: 4 });
    const ids: string[] = [];
    const entities = Array.from({ length: 25 }, () => uid("scan"));
    // Five changes at a time, while both workers are already delivering.
    for (let start = 0; start < entities.length; start += 5) {
      await Promise.all(
        entities.slice(start, start + 5).map(async (entityId, j) => {
          for (let v = 1; v <= 2; v++) {
            ids.push((await enqueue({ entityId, version: v, payload: { id: entityId, status: "approved", nonce: `${start + j}-${v}` } })).id);
          }
        }),
      );
    }
    await waitUntil(async () => (await prisma.delivery.count({ where: { id: { in: ids }, state: "pending" } })) === 0, 30_000, "all settled");
    const delivered = await prisma.delivery.findMany({ where: { id: { in: ids }, state: "delivered" } });
    // Each entity's newest version got through; nothing was answered 2xx twice.
    for (const entityId of entities) expect(delivered.some((d) => d.entityId === entityId && d.entityVersion === 2)).toBe(true);
    const okByNonce = new Map<string, number>();
    let okTotal = 0;
    for (const d of delivered) {
      const nonce = (d.payload as { nonce: string }).nonce;
      const successes = await prisma.deliveryAttempt.count({ where: { deliveryId: d.id, responseStatus: 204 } });
      okByNonce.set(nonce, successes);
      okTotal += successes;
    }
    expect([...okByNonce.values()].every((c) => c === 1)).toBe(true);
    // The fake's own record agrees: as many requests as attempts logged, no stray duplicates.
    const attemptRows = await prisma.deliveryAttempt.count({ where: { deliveryId: { in: ids } } });
    const received = fake.requests.filter((r) => entities.includes((r.body as { id: string }).id)).length;
    expect(received).toBe(attemptRows);
    expect(okTotal).toBe(delivered.length);
  });

  it("a live worker's job is never taken over, however long its request takes", async () => {
    await configureImshop(fake, { timeoutMs: 4000 });
    fake.respondWith("hang", "/scan-status");
    const slow = await startTestWorker({ concurrency: 1 });
    const { entityId, id } = await enqueueFreshScan();
    await fake.waitFor(() => requestsFor(fake, entityId).length === 1);
    // A second worker that sweeps eagerly for stalled jobs.
    const eager = await startTestWorker({ stallGraceMs: 100, sweepIntervalMs: 100 });
    await sleep(1500);
    const report = await eager.recoverNow();
    expect(report.unlockedPools).toEqual([]);
    expect(await lockedBy(entityId)).toBe(slow.poolId());
    expect(requestsFor(fake, entityId)).toHaveLength(1);
    fake.respondWith(204, "/scan-status");
    await waitForDelivery(id, (d) => d.state === "delivered", 10_000);
  });

  it("a worker killed during a delivery: the push is delivered after a restart, at once", async () => {
    await configureImshop(fake, { timeoutMs: 60_000 });
    fake.respondWith("hang", "/scan-status");
    const { entityId, id } = await enqueueFreshScan();
    const child = spawnWorkerProcess();
    await fake.waitFor(() => requestsFor(fake, entityId).length === 1, 30_000);
    const deadPool = await lockedBy(entityId);
    expect(deadPool).toMatch(/^pool-/);

    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    fake.respondWith(204, "/scan-status");
    const restarted = await startTestWorker();
    const started = Date.now();
    const done = await waitForDelivery(id, (d) => d.state === "delivered", 15_000);
    // Recovered within seconds, not graphile's 4-hour lock expiry.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(restarted.poolId()).not.toBe(deadPool);
    expect(done.attempts).toBe(2);
    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => [a.attemptNo, a.responseStatus])).toEqual([[1, null], [2, 204]]);
    expect(attempts[0].error).toMatch(/interrupted/);
    // IMSHOP saw the interrupted request and the one that got through: at least once, delivered once.
    expect(requestsFor(fake, entityId)).toHaveLength(2);
  });

  it("a worker stopped gracefully mid-delivery hands the push back and it is retried", async () => {
    await configureImshop(fake, { timeoutMs: 60_000 });
    fake.respondWith("hang", "/scan-status");
    const first = await startTestWorker({ concurrency: 1 });
    const { entityId, id } = await enqueueFreshScan();
    await fake.waitFor(() => requestsFor(fake, entityId).length === 1);
    fake.respondWith(204, "/scan-status");
    await first.stop();
    const stopped = await prisma.delivery.findUniqueOrThrow({ where: { id } });
    expect(stopped.state).toBe("pending");
    await startTestWorker();
    await waitForDelivery(id, (d) => d.state === "delivered", 10_000);
    const circuit = await prisma.circuit.findUniqueOrThrow({ where: { kind: "scan_status" } });
    expect(circuit.consecutiveFailures).toBe(0);
  });
});

describe("outbox: worker supervision", () => {
  it("a worker whose database connection is cut restarts itself and keeps delivering", async () => {
    const worker = await startTestWorker({ restartDelayMs: 200 });
    const before = worker.poolId();
    await prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'imshop-connect-worker-liveness' AND datname = current_database()`;
    await waitUntil(() => worker.poolId() !== null && worker.poolId() !== before, 15_000, "a new worker instance");
    const { entityId, id } = await enqueueFreshScan();
    await waitForDelivery(id, (d) => d.state === "delivered", 10_000);
    expect(requestsFor(fake, entityId)).toHaveLength(1);
  });
});
