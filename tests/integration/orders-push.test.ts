import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as upsertRoute } from "@/app/api/orders/route";
import { POST as statusRoute } from "@/app/api/orders/status/route";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { UnknownStatusError } from "@/lib/orders/order-errors";
import { getOrderDetail } from "@/lib/orders/order-detail.queries";
import { callRoute } from "@/tests/helpers/call-route";
import { orderStatusAnswer, type FakeRequest } from "@/tests/helpers/fake-imshop";
import { OUTBOUND_KEY, startTestWorker, waitUntil, withOutboxFake } from "@/tests/helpers/outbox-kit";
import { changesOf, createApiKey, deliveriesOf, ensureStatuses, freshUuid, orderBy, uid } from "@/tests/helpers/orders-kit";

let headers: Record<string, string>;
// IMSHOP answers with its own uuid for an order it knows by the merchant's number: one per order here.
const uuids = new Map<string, string>();

function imshopAnswers(req: FakeRequest) {
  const id = String((req.body as { id?: string }).id);
  const uuid = /^[0-9a-f]{8}-/.test(id) ? id : (uuids.get(id) ?? uuids.set(id, freshUuid()).get(id)!);
  const code = (req.body as { code?: string }).code;
  return { status: 200, body: { ...orderStatusAnswer(req), internalId: id, uuid, imshopStatus: `imshop_${code}` } };
}

const fake = withOutboxFake({ answers: { "/order-status": imshopAnswers } });
beforeAll(async () => {
  await ensureStatuses();
  headers = { apikey: await createApiKey(["orders"]) };
});

const pushesFor = (id: string) => fake.requests.filter((r) => r.path === "/order-status" && (r.body as { id?: string }).id === id);

describe("orders: pushes reach IMSHOP and its answer is kept", () => {
  it("delivers the status with the key, then stores IMSHOP's uuid and status on the order", async () => {
    const internalId = uid("0567");
    await callRoute(upsertRoute, { body: { internalId, code: "new", total: 1500 }, headers });
    const trackingUrl = "https://www.cdek.ru/ru/tracking?order_id=1234567890";
    await callRoute(statusRoute, { body: { id: internalId, code: "packed", trackingUrl }, headers });
    await startTestWorker();

    await fake.waitFor(() => pushesFor(internalId).length >= 1);
    const [push] = pushesFor(internalId);
    expect(push.headers.authorization).toBe(`Bearer ${OUTBOUND_KEY}`);
    // The creation push was still queued when the newer status came: only the newer one is sent.
    expect(push.body).toEqual({ id: internalId, code: "packed", message: "Готов к выдаче", trackingUrl });
    await waitUntil(async () => (await orderBy(internalId)).imshopStatus === "imshop_packed", 15_000, "IMSHOP's answer stored");
    const order = await orderBy(internalId);
    expect(order.uuid).toBe(uuids.get(internalId));

    // From now on IMSHOP is addressed by its own id.
    await callRoute(statusRoute, { body: { id: internalId, code: "shipped" }, headers });
    await fake.waitFor(() => pushesFor(order.uuid!).length >= 1);
    expect(pushesFor(order.uuid!)[0].body).toMatchObject({ id: order.uuid, code: "shipped", trackingUrl });
    await waitUntil(async () => (await orderBy(internalId)).imshopStatus === "imshop_shipped", 15_000, "second answer stored");

    const detail = (await getOrderDetail(order.id))!;
    const kinds = detail.timeline.map((e) => (e.kind === "change" ? `change:${e.toCode}` : `push:${e.version}:${e.state}`));
    expect(kinds).toEqual(["change:new", "push:1:superseded", "change:packed", "push:2:delivered", "change:shipped", "push:3:delivered"]);
    const lastPush = detail.timeline.at(-1)!;
    expect(lastPush.kind === "push" && lastPush.attempts[0]).toMatchObject({ attemptNo: 1, responseStatus: 200 });
    expect(lastPush.kind === "push" && JSON.parse(lastPush.response!)).toMatchObject({ imshopStatus: "imshop_shipped" });
  });

  it("sends the newest status last when changes come faster than pushes", async () => {
    const uuid = freshUuid();
    const internalId = uid("0567");
    await callRoute(upsertRoute, { body: { uuid, internalId, code: "new" }, headers });
    await startTestWorker();
    for (const code of ["awaiting_payment", "confirmed", "packed", "shipped"]) {
      await callRoute(statusRoute, { body: { id: uuid, code }, headers });
    }
    const order = await orderBy(internalId);
    await waitUntil(async () => (await deliveriesOf(order.id)).at(-1)!.state === "delivered", 15_000, "last push delivered");
    const codes = pushesFor(uuid).map((r) => (r.body as { code: string }).code);
    expect(codes.at(-1)).toBe("shipped");
    // Order is kept: whatever was sent went out in the order of the changes.
    const rank = ["new", "awaiting_payment", "confirmed", "packed", "shipped"];
    expect([...codes].sort((a, b) => rank.indexOf(a) - rank.indexOf(b))).toEqual(codes);
    await waitUntil(async () => (await orderBy(internalId)).imshopStatus === "imshop_shipped", 15_000, "answer stored");
  });
});

describe("orders: the push is part of the status change's transaction", () => {
  it("a rolled-back change leaves no change, no delivery and no job", async () => {
    const uuid = freshUuid();
    const internalId = uid("0567");
    await callRoute(upsertRoute, { body: { uuid, internalId, code: "new" }, headers });
    const order = await orderBy(internalId);
    const jobFor = () =>
      prisma.$queryRaw<{ delivery: string }[]>`SELECT payload->>'deliveryId' AS delivery FROM graphile_worker._private_jobs WHERE key = ${`order_status:${order.id}`}`;
    const [firstDelivery] = await deliveriesOf(order.id);
    expect(await jobFor()).toEqual([{ delivery: firstDelivery.id }]);

    let seenInside: { deliveries: number; job: string | undefined } | null = null;
    await expect(
      prisma.$transaction(async (tx) => {
        const result = await changeOrderStatus({ orderId: order.id, code: "confirmed", source: "staff", actor: { id: null, label: "staff@example.com" }, tx });
        const job = await tx.$queryRaw<{ delivery: string }[]>`SELECT payload->>'deliveryId' AS delivery FROM graphile_worker._private_jobs WHERE key = ${`order_status:${order.id}`}`;
        seenInside = { deliveries: await tx.delivery.count({ where: { entityId: order.id } }), job: job[0]?.delivery };
        expect(job[0]?.delivery).toBe(result.deliveryId);
        throw new Error("something later in the same transaction failed");
      }),
    ).rejects.toThrow("something later");
    expect(seenInside).toMatchObject({ deliveries: 2 });

    expect(await deliveriesOf(order.id)).toHaveLength(1);
    expect(await changesOf(order.id)).toHaveLength(1);
    expect(await jobFor()).toEqual([{ delivery: firstDelivery.id }]);
    expect(await orderBy(internalId)).toMatchObject({ statusCode: "new", version: 1 });
    expect(await prisma.auditLog.count({ where: { entityId: order.id } })).toBe(1);
  });

  it("staff cannot pick a code that is not in the list, and nothing is written", async () => {
    const internalId = uid("0567");
    await callRoute(upsertRoute, { body: { internalId, code: "new" }, headers });
    const order = await orderBy(internalId);
    const code = uid("typo");
    await expect(changeOrderStatus({ orderId: order.id, code, source: "staff", actor: { id: null, label: "staff" } })).rejects.toBeInstanceOf(UnknownStatusError);
    expect(await prisma.unmappedStatusCode.count({ where: { code } })).toBe(0);
    expect(await deliveriesOf(order.id)).toHaveLength(1);
  });
});
