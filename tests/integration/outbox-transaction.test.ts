import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { enqueueDelivery } from "@/lib/outbox/enqueue-delivery";
import {
  OUTBOUND_KEY,
  attemptsOf,
  configureImshop,
  enqueue,
  enqueueFreshScan,
  requestsFor,
  sleep,
  startTestWorker,
  uid,
  waitForDelivery,
  withOutboxFake,
} from "@/tests/helpers/outbox-kit";

const fake = withOutboxFake();

describe("outbox: the push commits or rolls back with the change", () => {
  it("a rolled-back change sends nothing and leaves no delivery", async () => {
    const entityId = uid("scan");
    await startTestWorker();
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueDelivery({ kind: "scan_status", entityId, entityVersion: 2, payload: { id: entityId, status: "approved" }, tx });
        throw new Error("the status change failed");
      }),
    ).rejects.toThrow("the status change failed");
    await sleep(1500);
    expect(requestsFor(fake, entityId)).toHaveLength(0);
    expect(await prisma.delivery.count({ where: { entityId } })).toBe(0);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`scan_status:${entityId}`}`;
    expect(jobs[0].n).toBe(0);
  });

  it("a committed change is sent exactly once, with the key, and logged", async () => {
    const entityId = uid("scan");
    await startTestWorker();
    const payload = { id: entityId, userId: "79991234567", code: "CODE", timestamp: 1662660581, status: "approved", statusMessage: "Начислено 200 бонусов" };
    const { id } = await enqueue({ entityId, version: 2, payload });
    const done = await waitForDelivery(id, (d) => d.state === "delivered");
    await sleep(500);
    const received = requestsFor(fake, entityId);
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe("/scan-status");
    expect(received[0].body).toEqual(payload);
    expect(received[0].headers.authorization).toBe(`Bearer ${OUTBOUND_KEY}`);
    expect(received[0].headers["content-type"]).toContain("application/json");
    expect(done).toMatchObject({ attempts: 1, lastStatus: 204, lastError: null });
    expect(done.deliveredAt).not.toBeNull();
    const attempts = await attemptsOf(id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ attemptNo: 1, responseStatus: 204, url: `${fake.url}/scan-status`, error: null });
    expect(attempts[0].requestBody).toEqual(payload);
  });

  it("a push committed while no worker runs is sent when one starts", async () => {
    const { entityId, id } = await enqueueFreshScan();
    await sleep(300);
    expect(requestsFor(fake, entityId)).toHaveLength(0);
    await startTestWorker();
    await waitForDelivery(id, (d) => d.state === "delivered");
    expect(requestsFor(fake, entityId)).toHaveLength(1);
  });

  it("a custom key header carries the raw key", async () => {
    await configureImshop(fake, { outboundKeyHeader: "X-Api-Key" });
    const entityId = uid("scan");
    await startTestWorker();
    const { id } = await enqueue({ entityId, version: 1 });
    await waitForDelivery(id, (d) => d.state === "delivered");
    const [req] = requestsFor(fake, entityId);
    expect(req.headers["x-api-key"]).toBe(OUTBOUND_KEY);
    expect(req.headers.authorization).toBeUndefined();
  });
});

describe("outbox: newest wins per entity", () => {
  it("a newer status replaces a pending older one; only the newer is sent", async () => {
    const entityId = uid("scan");
    const v1 = await enqueue({ entityId, version: 2, payload: { id: entityId, status: "processing" } });
    const v2 = await enqueue({ entityId, version: 3, payload: { id: entityId, status: "approved" } });
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: v1.id } })).state).toBe("superseded");
    await startTestWorker();
    await waitForDelivery(v2.id, (d) => d.state === "delivered");
    await sleep(500);
    const received = requestsFor(fake, entityId);
    expect(received.map((r) => (r.body as { status: string }).status)).toEqual(["approved"]);
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: v1.id } })).state).toBe("superseded");
  });

  it("an older version enqueued after a newer one is recorded but never sent", async () => {
    const entityId = uid("scan");
    const newer = await enqueue({ entityId, version: 5, payload: { id: entityId, status: "denied" } });
    const older = await enqueue({ entityId, version: 4, payload: { id: entityId, status: "approved" } });
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: older.id } })).state).toBe("superseded");
    await startTestWorker();
    await waitForDelivery(newer.id, (d) => d.state === "delivered");
    await sleep(500);
    expect(requestsFor(fake, entityId).map((r) => (r.body as { status: string }).status)).toEqual(["denied"]);
  });

  it("a change made while an older push is on the wire is sent after it, never before", async () => {
    const entityId = uid("scan");
    fake.respondWith({ status: 204, delayMs: 800 }, "/scan-status");
    await startTestWorker({ concurrency: 4 });
    const v1 = await enqueue({ entityId, version: 1, payload: { id: entityId, status: "processing" } });
    await fake.waitFor(() => requestsFor(fake, entityId).length === 1);
    const v2 = await enqueue({ entityId, version: 2, payload: { id: entityId, status: "approved" } });
    await waitForDelivery(v2.id, (d) => d.state === "delivered");
    const received = requestsFor(fake, entityId);
    expect(received.map((r) => (r.body as { status: string }).status)).toEqual(["processing", "approved"]);
    // The second request started only after the first was answered.
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(700);
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: v1.id } })).state).toBe("delivered");
    fake.respondWith(204, "/scan-status");
  });
});
