import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as upsertRoute } from "@/app/api/orders/route";
import { POST as statusRoute } from "@/app/api/orders/status/route";
import { callRoute } from "@/tests/helpers/call-route";
import { changesOf, createApiKey, deliveriesOf, ensureStatuses, freshUuid, jobCount, orderBy, uid } from "@/tests/helpers/orders-kit";

let key: string;
let headers: Record<string, string>;

beforeAll(async () => {
  await ensureStatuses();
  key = await createApiKey(["orders"]);
  headers = { apikey: key };
});

const newOrder = (over: Record<string, unknown> = {}) => ({
  uuid: freshUuid(),
  internalId: uid("0567"),
  userId: "79161234567",
  total: 4590.5,
  itemsSummary: "Кроссовки беговые, 42 р. × 1",
  createdAt: 1700000000,
  code: "new",
  ...over,
});

describe("merchant API: authentication", () => {
  it("refuses a missing, wrong, revoked or out-of-scope key with 401, even with a broken body", async () => {
    const loyaltyOnly = await createApiKey(["loyalty"]);
    const revoked = await createApiKey(["orders"], { revoked: true });
    const attempts: Record<string, string>[] = [{}, { apikey: "nope" }, { apikey: loyaltyOnly }, { authorization: `Bearer ${revoked}` }];
    for (const h of attempts) {
      const res = await callRoute(upsertRoute, { body: newOrder(), headers: h });
      expect(res.status).toBe(401);
    }
    expect((await callRoute(statusRoute, { rawBody: "{oops", headers: { apikey: "nope" } })).status).toBe(401);
  });

  it("takes the key as `apikey` or as a Bearer token", async () => {
    expect((await callRoute(upsertRoute, { body: newOrder(), headers: { apikey: key } })).status).toBe(200);
    expect((await callRoute(upsertRoute, { body: newOrder(), headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });
});

describe("POST /api/orders (upsert)", () => {
  it("creates an order, records its first status and queues the push in the same transaction", async () => {
    const body = newOrder();
    const res = await callRoute(upsertRoute, { body, headers });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, created: true, statusChanged: true, code: "new", message: "Заказ принят", version: 1 });
    const order = await orderBy(body.internalId);
    expect(order).toMatchObject({ uuid: body.uuid, totalKopecks: 459050, userId: "79161234567", statusCode: "new", version: 1 });
    expect(order.orderCreatedAt.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    const [change] = await changesOf(order.id);
    expect(change).toMatchObject({ fromCode: null, toCode: "new", source: "api", message: "Заказ принят" });
    expect(change.actorLabel).toMatch(/^API key: ERP-/);
    const [delivery] = await deliveriesOf(order.id);
    expect(delivery).toMatchObject({ entityVersion: 1, state: "pending", payload: { id: body.uuid, code: "new", message: "Заказ принят" } });
    expect(await jobCount(order.id)).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityType: "order", entityId: order.id, action: "order.status_change" } })).toBe(1);
  });

  it("updates fields without a push when the status is the same, and pushes when it changes", async () => {
    const body = newOrder();
    await callRoute(upsertRoute, { body, headers });
    const same = await callRoute(upsertRoute, { body: { ...body, total: 100, createdAt: "2024-03-01T10:00:00+03:00" }, headers });
    expect(same.json).toMatchObject({ created: false, statusChanged: false, version: 1 });
    const order = await orderBy(body.internalId);
    expect(order.totalKopecks).toBe(10000);
    expect(order.orderCreatedAt.toISOString()).toBe("2024-03-01T07:00:00.000Z");
    expect(await deliveriesOf(order.id)).toHaveLength(1);

    const moved = await callRoute(upsertRoute, { body: { internalId: body.internalId, code: "confirmed" }, headers });
    expect(moved.json).toMatchObject({ created: false, statusChanged: true, code: "confirmed", version: 2, uuid: body.uuid });
    expect((await changesOf(order.id)).map((c) => [c.fromCode, c.toCode])).toEqual([
      [null, "new"],
      ["new", "confirmed"],
    ]);
    const deliveries = await deliveriesOf(order.id);
    expect(deliveries.map((d) => [d.entityVersion, d.state])).toEqual([
      [1, "superseded"],
      [2, "pending"],
    ]);
  });

  it("refuses an upsert that would move a final order, writing nothing", async () => {
    const body = newOrder({ code: "delivered" });
    await callRoute(upsertRoute, { body, headers });
    const res = await callRoute(upsertRoute, { body: { ...body, total: 1, code: "new" }, headers });
    expect(res.status).toBe(409);
    expect(res.json.error.fields.code).toMatch(/final/);
    const order = await orderBy(body.internalId);
    expect(order).toMatchObject({ statusCode: "delivered", totalKopecks: 459050, version: 1 });
  });

  it("refuses a uuid that belongs to another order", async () => {
    const first = newOrder();
    await callRoute(upsertRoute, { body: first, headers });
    const res = await callRoute(upsertRoute, { body: newOrder({ uuid: first.uuid }), headers });
    expect(res.status).toBe(409);
    expect(res.json.error.fields).toHaveProperty("uuid");
  });

  it("creates one order when two first upserts race", async () => {
    const body = newOrder();
    const results = await Promise.all([1, 2, 3].map(() => callRoute(upsertRoute, { body, headers })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.filter((r) => r.json.created)).toHaveLength(1);
    const order = await orderBy(body.internalId);
    expect(await changesOf(order.id)).toHaveLength(1);
  });

  it("names every bad field with 422, answers malformed JSON 400 and oversize 413, and writes nothing", async () => {
    const internalId = uid("bad");
    const res = await callRoute(upsertRoute, {
      body: { internalId, total: 10.555, createdAt: "tomorrow", trackingUrl: "javascript:alert(1)", userId: { x: 1 } },
      headers,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(["code", "createdAt", "total", "trackingUrl", "userId"]);
    expect((await callRoute(upsertRoute, { rawBody: "{not json", headers })).status).toBe(400);
    const big = await callRoute(upsertRoute, { body: newOrder({ internalId, itemsSummary: "x".repeat(70 * 1024) }), headers });
    expect(big.status).toBe(413);
    expect(await prisma.order.count({ where: { internalId } })).toBe(0);
  });
});

describe("POST /api/orders/status", () => {
  async function created(over: Record<string, unknown> = {}) {
    const body = newOrder(over);
    await callRoute(upsertRoute, { body, headers });
    return { body, order: await orderBy(body.internalId) };
  }

  it("changes the status by IMSHOP uuid, with the buyer's text and a tracking link", async () => {
    const { body, order } = await created();
    const trackingUrl = "https://www.cdek.ru/ru/tracking?order_id=1234567890";
    const res = await callRoute(statusRoute, { body: { id: body.uuid, code: "packed", message: "Готов к выдаче в ПВЗ", trackingUrl }, headers });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, changed: true, code: "packed", message: "Готов к выдаче в ПВЗ", trackingUrl, version: 2 });
    const deliveries = await deliveriesOf(order.id);
    expect(deliveries.at(-1)).toMatchObject({
      entityVersion: 2,
      payload: { id: body.uuid, code: "packed", message: "Готов к выдаче в ПВЗ", trackingUrl },
    });
    const change = (await changesOf(order.id)).at(-1)!;
    expect(change).toMatchObject({ fromCode: "new", toCode: "packed", trackingUrl, source: "api" });
  });

  it("changes the status by the merchant's number, and pushes that number when the order has no uuid", async () => {
    const { body, order } = await created({ uuid: undefined, internalId: uid("split") });
    const res = await callRoute(statusRoute, { body: { id: body.internalId, code: "confirmed" }, headers });
    expect(res.json).toMatchObject({ success: true, code: "confirmed", message: "Заказ подтверждён", uuid: null });
    expect((await deliveriesOf(order.id)).at(-1)!.payload).toEqual({ id: body.internalId, code: "confirmed", message: "Заказ подтверждён" });
  });

  it("answers an unknown order with 404 naming id", async () => {
    const res = await callRoute(statusRoute, { body: { id: uid("missing"), code: "packed" }, headers });
    expect(res.status).toBe(404);
    expect(res.json.error.fields).toHaveProperty("id");
  });

  it("refuses to move an order out of a final status, recording nothing", async () => {
    const { body, order } = await created({ code: "cancelled" });
    const res = await callRoute(statusRoute, { body: { id: body.uuid, code: "shipped" }, headers });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/final status "Отменён"/);
    expect(await changesOf(order.id)).toHaveLength(1);
    expect(await deliveriesOf(order.id)).toHaveLength(1);
    expect((await orderBy(body.internalId)).statusCode).toBe("cancelled");
  });

  it("is a no-op when nothing changes", async () => {
    const { body, order } = await created();
    const res = await callRoute(statusRoute, { body: { id: body.uuid, code: "new" }, headers });
    expect(res.json).toMatchObject({ changed: false, version: 1 });
    expect(await deliveriesOf(order.id)).toHaveLength(1);
  });

  it("accepts a code that is not in the list, counts it for the admin warning and pushes it", async () => {
    const code = uid("awaiting_courier");
    const { body, order } = await created();
    await callRoute(statusRoute, { body: { id: body.uuid, code }, headers });
    const res = await callRoute(statusRoute, { body: { id: body.uuid, code, message: "Ждём курьера" }, headers });
    expect(res.status).toBe(200);
    expect(await prisma.unmappedStatusCode.findUnique({ where: { code } })).toMatchObject({ count: 2 });
    const deliveries = await deliveriesOf(order.id);
    expect(deliveries.at(-2)!.payload).toEqual({ id: body.uuid, code });
    expect(deliveries.at(-1)!.payload).toEqual({ id: body.uuid, code, message: "Ждём курьера" });
  });

  it("names bad fields with 422", async () => {
    const res = await callRoute(statusRoute, { body: { id: "", code: 5, trackingUrl: "not a url", message: "x".repeat(1001) }, headers });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(["code", "id", "message", "trackingUrl"]);
  });
});
