import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { replayDeadDeliveries, replayDelivery } from "@/lib/outbox/replay-deliveries";
import { attemptsOf, enqueue, requestsFor, startTestWorker, uid, waitForDelivery, withOutboxFake } from "@/tests/helpers/outbox-kit";

const fake = withOutboxFake({ configure: { maxAttempts: 2 } });
const admin = { id: null, label: "admin@test" };

async function deadDelivery(kind: "scan_status" | "order_status" = "scan_status", entityId = uid("scan"), version = 1) {
  const { id } = await enqueue({ kind, entityId, version, payload: { id: entityId, code: "x", status: "approved" } });
  await waitForDelivery(id, (d) => d.state === "dead");
  return { id, entityId };
}

describe("outbox: replay", () => {
  it("replays a dead letter as a fresh attempt cycle; the log keeps numbering on; audited", async () => {
    fake.respondWith(500, "/scan-status");
    await startTestWorker();
    const { id, entityId } = await deadDelivery();
    fake.respondWith(204, "/scan-status");
    await replayDelivery({ id, actor: admin });
    const done = await waitForDelivery(id, (d) => d.state === "delivered");
    expect(done.attempts).toBe(1);
    const log = await attemptsOf(id);
    expect(log.map((a) => [a.attemptNo, a.responseStatus])).toEqual([[1, 500], [2, 500], [3, 204]]);
    expect(requestsFor(fake, entityId)).toHaveLength(3);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "delivery.replay", entityId: id } });
    expect(audit.before).toMatchObject({ state: "dead", attempts: 2 });
  });

  it("refuses to replay a delivery overtaken by a newer version, or one that is not dead or failed", async () => {
    fake.respondWith(500, "/scan-status");
    await startTestWorker();
    const { id, entityId } = await deadDelivery();
    fake.respondWith(204, "/scan-status");
    const newer = await enqueue({ entityId, version: 2 });
    await waitForDelivery(newer.id, (d) => d.state === "delivered");
    await expect(replayDelivery({ id, actor: admin })).rejects.toMatchObject({ code: "conflict", fields: { id: "newer_exists" } });
    await expect(replayDelivery({ id: newer.id, actor: admin })).rejects.toMatchObject({ code: "conflict", fields: { id: "not_replayable" } });
    await expect(replayDelivery({ id: "nope", actor: admin })).rejects.toMatchObject({ code: "not_found" });
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id } })).state).toBe("dead");
  });

  it("replays every dead letter matching a filter, and only those", async () => {
    fake.respondWith(500, "/scan-status");
    fake.respondWith(500, "/order-status");
    await startTestWorker({ concurrency: 4 });
    const scans = await Promise.all([deadDelivery(), deadDelivery(), deadDelivery()]);
    const order = await deadDelivery("order_status", uid("ord"));
    fake.respondWith(204, "/scan-status");
    fake.respondWith(200, "/order-status");
    const result = await replayDeadDeliveries({ filter: { kind: "scan_status" }, actor: admin });
    expect(result).toMatchObject({ replayed: 3, skipped: 0 });
    for (const s of scans) await waitForDelivery(s.id, (d) => d.state === "delivered");
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: order.id } })).state).toBe("dead");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "delivery.replay_dead" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ replayed: 3, filter: { kind: "scan_status" } });
  });
});
