import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { DeliveryState } from "@/lib/generated/prisma/client";
import { purgeDeliveryLog } from "@/lib/outbox/purge-delivery-log";
import { enqueueFreshScan, startTestWorker, uid, waitForDelivery, waitUntil, withOutboxFake } from "@/tests/helpers/outbox-kit";

withOutboxFake({ configure: { deliveryLogRetentionDays: 7 } });

const DAY = 24 * 60 * 60 * 1000;

async function delivery(state: DeliveryState, ageDays: number, opts: { entityId?: string; version?: number } = {}) {
  const at = new Date(Date.now() - ageDays * DAY);
  const d = await prisma.delivery.create({
    data: { kind: "scan_status", entityId: opts.entityId ?? uid("scan"), entityVersion: opts.version ?? 1, payload: { id: "x" }, state },
  });
  await prisma.deliveryAttempt.create({
    data: { deliveryId: d.id, attemptNo: 1, url: "http://x", requestBody: {}, responseStatus: 500, latencyMs: 5, startedAt: at },
  });
  await prisma.$executeRaw`UPDATE "Delivery" SET "updatedAt" = ${at}, "createdAt" = ${at} WHERE id = ${d.id}`;
  return d.id;
}

const exists = async (id: string) => (await prisma.delivery.count({ where: { id } })) === 1;

describe("outbox: delivery log retention", () => {
  it("drops settled deliveries and attempts past the retention; keeps pending, dead letters and recent ones", async () => {
    const oldDelivered = await delivery("delivered", 10);
    const oldFailed = await delivery("failed", 10);
    const oldSuperseded = await delivery("superseded", 10);
    const oldDead = await delivery("dead", 10);
    const oldPending = await delivery("pending", 10);
    const recentDelivered = await delivery("delivered", 2);
    // An old dead letter keeps the newer delivered version that overtook it.
    const entityId = uid("scan");
    const deadV1 = await delivery("dead", 20, { entityId, version: 1 });
    const deliveredV2 = await delivery("delivered", 15, { entityId, version: 2 });

    const report = await purgeDeliveryLog();
    expect(report.deliveries).toBeGreaterThanOrEqual(3);
    expect(await exists(oldDelivered)).toBe(false);
    expect(await exists(oldFailed)).toBe(false);
    expect(await exists(oldSuperseded)).toBe(false);
    expect(await exists(oldDead)).toBe(true);
    expect(await exists(oldPending)).toBe(true);
    expect(await exists(recentDelivered)).toBe(true);
    expect(await exists(deadV1)).toBe(true);
    expect(await exists(deliveredV2)).toBe(true);
    // Attempt rows older than the retention go, whoever they belong to.
    expect(await prisma.deliveryAttempt.count({ where: { deliveryId: oldDead } })).toBe(0);
    expect(await prisma.deliveryAttempt.count({ where: { deliveryId: recentDelivered } })).toBe(1);
  });

  it("runs as the worker's scheduled task and collects the empty per-entity job queues", async () => {
    await startTestWorker();
    const { entityId, id } = await enqueueFreshScan();
    await waitForDelivery(id, (d) => d.state === "delivered");
    const old = await delivery("delivered", 30);
    const queues = () =>
      prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_job_queues WHERE queue_name = ${`scan_status:${entityId}`}`;
    expect((await queues())[0].n).toBe(1);
    await prisma.$executeRaw`SELECT graphile_worker.add_job('purge_delivery_log', '{}'::json)`;
    await waitUntil(async () => !(await exists(old)), 10_000, "purged by the worker");
    await waitUntil(async () => (await queues())[0].n === 0, 10_000, "empty queue collected");
    expect(await exists(id)).toBe(true);
  });
});
