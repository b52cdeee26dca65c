import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { setCircuitMode } from "@/lib/outbox/set-circuit-mode";
import {
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

// Each test sets its own threshold and back-off.
const fake = withOutboxFake({ configure: false, answers: { "/scan-status": 204 } });

const circuit = () => prisma.circuit.findUniqueOrThrow({ where: { kind: "scan_status" } });
// The breaker's row appears with the first failure it records: until then it is simply not open yet.
const circuitMode = async () => (await prisma.circuit.findUnique({ where: { kind: "scan_status" } }))?.mode;

describe("outbox: circuit breaker", () => {
  it("opens after the threshold, stops calling IMSHOP, probes once, and closes by itself", async () => {
    await configureImshop(fake, { circuitFailureThreshold: 3, circuitProbeAfterMs: 1500, maxAttempts: 50, backoffBaseMs: 20, backoffMaxMs: 50 });
    fake.respondWith(500, "/scan-status");
    await startTestWorker({ concurrency: 4 });
    const entities = [uid("scan"), uid("scan"), uid("scan"), uid("scan")];
    const ids = [];
    for (const entityId of entities) ids.push((await enqueue({ entityId, version: 1 })).id);

    await waitUntil(async () => (await circuitMode()) === "open", 10_000, "circuit open");
    const openedAt = Date.now();
    const sentBeforeOpen = fake.requests.length;
    // While open, nothing reaches IMSHOP (a request already on the wire may still land).
    await sleep(1000);
    expect(fake.requests.length - sentBeforeOpen).toBeLessThanOrEqual(4);
    const quiet = fake.requests.length;
    await sleep(300);
    expect(fake.requests.length).toBe(quiet);

    // The probe fails: the circuit opens again and waits another period.
    await fake.waitFor((rs) => rs.length > quiet, 5000);
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(1000);
    await waitUntil(async () => (await circuit()).mode === "open", 5000, "re-opened after a failed probe");
    const afterProbe = fake.requests.length;
    expect(afterProbe - quiet).toBe(1);

    // IMSHOP recovers: the next probe closes the circuit and every waiting delivery goes.
    fake.respondWith(204, "/scan-status");
    for (const id of ids) await waitForDelivery(id, (d) => d.state === "delivered", 10_000);
    const closed = await circuit();
    expect(closed).toMatchObject({ mode: "closed", consecutiveFailures: 0, lastError: null });
    // Attempts refused by the open circuit were not counted against the deliveries.
    for (const id of ids) expect((await prisma.delivery.findUniqueOrThrow({ where: { id } })).attempts).toBeLessThan(10);
  });

  it("an admin pause holds every push without calling IMSHOP; resume sends them", async () => {
    await configureImshop(fake);
    const admin = { id: null, label: "admin@test" };
    await startTestWorker();
    await setCircuitMode({ kind: "scan_status", mode: "paused", actor: admin });
    const { entityId, id } = await enqueueFreshScan();
    await waitForDelivery(id, (d) => d.nextAttemptAt !== null);
    await sleep(500);
    expect(requestsFor(fake, entityId)).toHaveLength(0);
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id } })).attempts).toBe(0);

    await setCircuitMode({ kind: "scan_status", mode: "closed", actor: admin });
    await waitForDelivery(id, (d) => d.state === "delivered", 5000);
    expect(requestsFor(fake, entityId)).toHaveLength(1);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "circuit", entityId: "scan_status" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["outbox.circuit_pause", "outbox.circuit_resume"]);
  });

  it("a paused circuit stays paused through successes elsewhere (only an admin resumes it)", async () => {
    await configureImshop(fake);
    await setCircuitMode({ kind: "scan_status", mode: "paused", actor: { label: "admin@test" } });
    await startTestWorker();
    const order = await enqueue({ kind: "order_status", entityId: uid("ord"), version: 1, payload: { id: "x", code: "new" } });
    await waitForDelivery(order.id, (d) => d.state === "delivered");
    expect((await circuit()).mode).toBe("paused");
  });
});
