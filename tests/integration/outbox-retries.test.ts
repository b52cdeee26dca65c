import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { fakeOrderUuid, type FakeMode } from "@/tests/helpers/fake-imshop";
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
  withOutboxFake,
} from "@/tests/helpers/outbox-kit";

const fake = withOutboxFake({ answers: { "/scan-status": 204, "/order-status": 200 } });

/** Answers `down` for the first n requests to the path, then `up`. */
function downThenUp(n: number, down: FakeMode | ((i: number) => FakeMode), up: FakeMode = 204) {
  let seen = 0;
  return () => {
    seen++;
    if (seen > n) return up;
    return typeof down === "function" ? down(seen) : down;
  };
}

describe("outbox: IMSHOP down, then up", () => {
  it("retries through 500s, dropped connections and timeouts, then delivers once", async () => {
    await configureImshop(fake, { timeoutMs: 1500, maxAttempts: 10 });
    const modes: FakeMode[] = [500, "drop", "hang", 503];
    fake.respondWith(downThenUp(4, (i) => modes[i - 1]), "/scan-status");
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    const done = await waitForDelivery(id, (d) => d.state === "delivered");
    await sleep(400);
    expect(requestsFor(fake, entityId)).toHaveLength(5);
    expect(done.attempts).toBe(5);
    const log = await attemptsOf(id);
    expect(log.map((a) => a.responseStatus)).toEqual([500, null, null, 503, 204]);
    expect(log[1].error).toBeTruthy();
    expect(log[2].error).toContain("timeout after 1500 ms");
    expect(log[0].responseBody).toContain("fake 500");
    for (const a of log) expect(a.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("several changes while IMSHOP is down arrive in order, the newest delivered exactly once", async () => {
    fake.respondWith(500, "/scan-status");
    await configureImshop(fake, { maxAttempts: 20, backoffBaseMs: 100, backoffMaxMs: 300 });
    await startTestWorker({ concurrency: 4 });
    const a = uid("scan");
    const b = uid("scan");
    const ids: string[] = [];
    for (let v = 1; v <= 4; v++) {
      ids.push((await enqueue({ entityId: a, version: v, payload: { id: a, status: `s${v}`, v } })).id);
      await enqueue({ entityId: b, version: v, payload: { id: b, status: `s${v}`, v } });
      await sleep(150);
    }
    const whileDown = fake.requests.length;
    fake.respondWith(204, "/scan-status");
    const last = await waitForDelivery(ids[3], (d) => d.state === "delivered");
    expect(last.state).toBe("delivered");
    await sleep(500);
    for (const entityId of [a, b]) {
      const seen = requestsFor(fake, entityId).map((r) => (r.body as { v: number }).v);
      // Never an older version after a newer one, and the newest got through.
      expect([...seen].sort((x, y) => x - y)).toEqual(seen);
      expect(seen[seen.length - 1]).toBe(4);
      const delivered = await prisma.delivery.findMany({ where: { entityId, state: "delivered" } });
      expect(delivered.map((d) => d.entityVersion)).toEqual([4]);
    }
    expect(whileDown).toBeGreaterThan(2);
    expect(await prisma.delivery.count({ where: { entityId: { in: [a, b] }, state: "pending" } })).toBe(0);
    expect(await prisma.delivery.count({ where: { entityId: { in: [a, b] }, state: "superseded" } })).toBe(6);
  });

  it("gives up after maxAttempts and dead-letters the delivery", async () => {
    await configureImshop(fake, { maxAttempts: 3 });
    fake.respondWith(500, "/scan-status");
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    const dead = await waitForDelivery(id, (d) => d.state === "dead");
    await sleep(500);
    expect(dead).toMatchObject({ attempts: 3, lastStatus: 500 });
    expect(requestsFor(fake, entityId)).toHaveLength(3);
    expect(await attemptsOf(id)).toHaveLength(3);
  });
});

describe("outbox: permanent failures", () => {
  it.each([400, 404] as const)("%i fails at once, without a retry, keeping the answer", async (status) => {
    fake.respondWith(status, "/scan-status");
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    const failed = await waitForDelivery(id, (d) => d.state === "failed");
    await sleep(800);
    expect(requestsFor(fake, entityId)).toHaveLength(1);
    expect(failed).toMatchObject({ attempts: 1, lastStatus: status, nextAttemptAt: null });
    const [attempt] = await attemptsOf(id);
    expect(attempt.responseBody).toContain(`fake ${status}`);
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id } })).state).toBe("failed");
  });
});

describe("outbox: configuration errors", () => {
  it.each([401, 403] as const)("%i raises a configuration alert and keeps retrying with back-off", async (status) => {
    await configureImshop(fake, { maxAttempts: 50, backoffBaseMs: 200, backoffMaxMs: 400 });
    fake.respondWith(status, "/scan-status");
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    await fake.waitFor(() => requestsFor(fake, entityId).length >= 3, 10_000);
    const circuit = await prisma.circuit.findUniqueOrThrow({ where: { kind: "scan_status" } });
    expect(circuit.configAlert).toContain(String(status));
    const pending = await prisma.delivery.findUniqueOrThrow({ where: { id } });
    expect(pending.state).toBe("pending");
    expect(pending.lastStatus).toBe(status);
    // Back-off: each retry is scheduled after the attempt, never more than the cap later.
    const log = await attemptsOf(id);
    const sent = requestsFor(fake, entityId).map((r) => r.at);
    for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeLessThan(400 + 1500);
    // (The newest row may still be on the wire: no status and no error yet.)
    const answered = log.filter((a) => a.responseStatus !== null || a.error !== null);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(answered.map((a) => a.responseStatus)).toEqual(answered.map(() => status));

    fake.respondWith(204, "/scan-status");
    await waitForDelivery(id, (d) => d.state === "delivered");
    const healed = await prisma.circuit.findUniqueOrThrow({ where: { kind: "scan_status" } });
    expect(healed.configAlert).toBeNull();
  });

  it("a redirect is not followed: alert, retry, and nothing sent to the new location", async () => {
    fake.respondWith(downThenUp(2, 302), "/scan-status");
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    await fake.waitFor(() => requestsFor(fake, entityId).length >= 1);
    await waitForDelivery(id, (d) => d.lastStatus === 302);
    expect((await prisma.circuit.findUniqueOrThrow({ where: { kind: "scan_status" } })).configAlert).toMatch(/redirect/);
    await waitForDelivery(id, (d) => d.state === "delivered");
    expect(fake.requests.filter((r) => r.path === "/moved-here")).toHaveLength(0);
    expect((await attemptsOf(id)).map((a) => a.responseStatus)).toEqual([302, 302, 204]);
  });

  it("no push URL: the delivery waits (no attempt used) and goes once the URL is set", async () => {
    await configureImshop(fake, { scanStatusUrl: null });
    await startTestWorker();
    const { id } = await enqueueFreshScan();
    await waitForDelivery(id, (d) => d.nextAttemptAt !== null);
    expect((await prisma.circuit.findUniqueOrThrow({ where: { kind: "scan_status" } })).configAlert).toMatch(/URL/);
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id } })).attempts).toBe(0);
    const { updateImshopSettings } = await import("@/lib/imshop/update-imshop-settings");
    const current = await prisma.imshopSettings.findUniqueOrThrow({ where: { id: 1 } });
    await updateImshopSettings({
      actor: { label: "test" },
      input: { ...formOf(current), scanStatusUrl: `${fake.url}/scan-status` },
    });
    await waitForDelivery(id, (d) => d.state === "delivered", 5000);
  });
});

describe("outbox: 429 Retry-After", () => {
  it("waits at least as long as IMSHOP asks (seconds)", async () => {
    fake.respondWith(downThenUp(1, { status: 429, retryAfter: 2 }), "/scan-status");
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    await waitForDelivery(id, (d) => d.state === "delivered");
    const [first, second] = requestsFor(fake, entityId);
    expect(second.at - first.at).toBeGreaterThanOrEqual(1900);
  });

  it("reads an HTTP date", async () => {
    let n = 0;
    fake.respondWith(() => (++n === 1 ? { status: 429, retryAfter: new Date(Date.now() + 2000).toUTCString() } : 204), "/scan-status");
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    await waitForDelivery(id, (d) => d.state === "delivered");
    const [first, second] = requestsFor(fake, entityId);
    // HTTP dates have one-second resolution.
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
  });
});

describe("outbox: order pushes", () => {
  async function makeOrder() {
    return prisma.order.create({
      data: { internalId: uid("ord"), statusCode: "packed", orderCreatedAt: new Date(), version: 2 },
    });
  }

  it("stores IMSHOP's uuid and imshopStatus from the answer", async () => {
    const order = await makeOrder();
    await startTestWorker();
    const { id } = await enqueue({ kind: "order_status", entityId: order.id, version: 2, payload: { id: order.internalId, code: "packed" } });
    await waitForDelivery(id, (d) => d.state === "delivered");
    const req = fake.requests.find((r) => r.path === "/order-status" && (r.body as { id: string }).id === order.internalId);
    expect(req?.body).toEqual({ id: order.internalId, code: "packed" });
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.uuid).toBe(fakeOrderUuid(order.internalId));
    expect(after.imshopStatus).toBe("ready_for_pickup");
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id } })).response).toMatchObject({ success: true });
  });

  it("ignores a malformed answer but still counts the push as delivered", async () => {
    const order = await makeOrder();
    fake.respondWith({ status: 200, body: "not json {" }, "/order-status");
    await startTestWorker();
    const { id } = await enqueue({ kind: "order_status", entityId: order.id, version: 2, payload: { id: order.internalId, code: "packed" } });
    await waitForDelivery(id, (d) => d.state === "delivered");
    const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.uuid).toBeNull();
    expect(after.imshopStatus).toBeNull();
  });
});

function formOf(s: Awaited<ReturnType<typeof prisma.imshopSettings.findUniqueOrThrow>>) {
  return {
    scanStatusUrl: s.scanStatusUrl ?? "",
    orderStatusUrl: s.orderStatusUrl ?? "",
    outboundKey: "",
    clearOutboundKey: false,
    outboundKeyHeader: s.outboundKeyHeader,
    allowedIps: s.allowedIps.join("\n"),
    timeoutMs: s.timeoutMs,
    maxAttempts: s.maxAttempts,
    backoffBaseMs: s.backoffBaseMs,
    backoffMaxMs: s.backoffMaxMs,
    circuitFailureThreshold: s.circuitFailureThreshold,
    circuitProbeAfterMs: s.circuitProbeAfterMs,
    deliveryLogRetentionDays: s.deliveryLogRetentionDays,
  };
}
