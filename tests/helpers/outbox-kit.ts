// Shared set-up for the outbox integration tests: settings pointing at a fake IMSHOP, a clean
// outbox, real workers on the per-run test database, and polling helpers.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { prisma } from "@/lib/db";
import { encryptSecret, secretHint } from "@/lib/crypto/secret-box";
import type { Delivery, ImshopSettings } from "@/lib/generated/prisma/client";
import { ensureImshopSettings, invalidateImshopSettings } from "@/lib/imshop/imshop-settings";
import { enqueueDelivery, type DeliveryKind } from "@/lib/outbox/enqueue-delivery";
import { startFakeImshop, type FakeImshop, type Responder } from "@/tests/helpers/fake-imshop";
import { uid } from "@/tests/helpers/uid";
import { startWorker, type StartWorkerOptions, type WorkerHandle } from "@/worker/start-worker";

export { uid };

export const OUTBOUND_KEY = "imshop-outbound-test-key";

/** Points the settings at the fake IMSHOP with back-off small enough for tests to run in seconds. */
export async function configureImshop(fake: FakeImshop, overrides: Partial<ImshopSettings> = {}) {
  await ensureImshopSettings();
  await prisma.imshopSettings.update({
    where: { id: 1 },
    data: {
      scanStatusUrl: `${fake.url}/scan-status`,
      orderStatusUrl: `${fake.url}/order-status`,
      outboundKeyEncrypted: encryptSecret(OUTBOUND_KEY),
      outboundKeyHint: secretHint(OUTBOUND_KEY),
      outboundKeyHeader: "Authorization",
      timeoutMs: 2000,
      maxAttempts: 5,
      backoffBaseMs: 50,
      backoffMaxMs: 200,
      circuitFailureThreshold: 100,
      circuitProbeAfterMs: 1000,
      deliveryLogRetentionDays: 30,
      ...overrides,
    },
  });
  invalidateImshopSettings();
}

/**
 * Registers the hooks every outbox-driven test file (or describe block) repeats: one fake IMSHOP for
 * the block; before each test a clean outbox, settings pointing at the fake (`configure`, or `false`
 * when each test configures its own) and the fake's answers per path; after each test, its workers
 * stopped. Call it where the hooks belong; the returned fake can be used inside hooks and tests.
 */
export function withOutboxFake(opts: { configure?: Partial<ImshopSettings> | false; answers?: Record<string, Responder> } = {}): FakeImshop {
  let started: FakeImshop | undefined;
  beforeAll(async () => {
    started = await startFakeImshop();
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  beforeEach(async () => {
    await resetOutbox();
    if (opts.configure !== false) await configureImshop(fake, opts.configure);
    for (const [path, answer] of Object.entries(opts.answers ?? {})) fake.respondWith(answer, path);
  });
  afterEach(async () => {
    await stopTestWorkers();
  });

  const current = () => {
    if (!started) throw new Error("the fake IMSHOP runs only between beforeAll and afterAll: use it inside hooks and tests");
    return started;
  };
  // Handed out before beforeAll starts the real one, so every member looks it up on use.
  const fake: FakeImshop = {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get requests() {
      return current().requests;
    },
    respondWith: (mode, path) => current().respondWith(mode, path),
    waitFor: (predicate, timeoutMs) => current().waitFor(predicate, timeoutMs),
    close: () => current().close(),
  };
  return fake;
}

/** Forgets every earlier delivery and job, so one test's leftovers never reach another's fake. */
export async function resetOutbox() {
  await prisma.$executeRaw`SELECT graphile_worker.complete_jobs(ARRAY(SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'deliver' AND locked_at IS NULL))`;
  await prisma.deliveryAttempt.deleteMany({});
  await prisma.delivery.deleteMany({});
  await prisma.circuit.deleteMany({});
}

export async function enqueue(opts: { kind?: DeliveryKind; entityId: string; version: number; payload?: Record<string, unknown> }) {
  const kind = opts.kind ?? "scan_status";
  return prisma.$transaction(
    (tx) =>
      enqueueDelivery({
        kind,
        entityId: opts.entityId,
        entityVersion: opts.version,
        payload: opts.payload ?? { id: opts.entityId, status: "approved", v: opts.version },
        tx,
      }),
    // The test shares its connection pool with the workers it runs: wait for a connection.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/** A first push (version 1, the default payload) for a scan no other test touches. */
export async function enqueueFreshScan() {
  const entityId = uid("scan");
  const { id } = await enqueue({ entityId, version: 1 });
  return { entityId, id };
}

/** A delivery's attempt log, first attempt first. */
export const attemptsOf = (deliveryId: string) => prisma.deliveryAttempt.findMany({ where: { deliveryId }, orderBy: { attemptNo: "asc" } });

const workers: WorkerHandle[] = [];

export async function startTestWorker(opts: Partial<StartWorkerOptions> = {}): Promise<WorkerHandle> {
  const handle = await startWorker({
    databaseUrl: process.env.DATABASE_URL!,
    concurrency: 2,
    pollInterval: 100,
    stallGraceMs: 500,
    sweepIntervalMs: 300,
    ...opts,
  });
  workers.push(handle);
  return handle;
}

export async function stopTestWorkers() {
  while (workers.length) await workers.pop()!.stop();
}

export async function waitForDelivery(id: string, predicate: (d: Delivery) => boolean, timeoutMs = 15_000): Promise<Delivery> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = await prisma.delivery.findUniqueOrThrow({ where: { id } });
    if (predicate(d)) return d;
    if (Date.now() > until) throw new Error(`delivery ${id} stayed ${d.state} (attempts ${d.attempts}, last ${d.lastStatus ?? d.lastError})`);
    await sleep(50);
  }
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 15_000, what = "condition") {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not met in ${timeoutMs} ms`);
    await sleep(50);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests the fake received for one entity (the test payloads carry the entity id as `id`). */
export const requestsFor = (fake: FakeImshop, entityId: string) =>
  fake.requests.filter((r) => (r.body as { id?: string } | null)?.id === entityId);
