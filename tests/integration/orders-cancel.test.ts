import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as cancelRoute } from "@/app/api/imshop/orders/cancel/route";
import { POST as upsertRoute } from "@/app/api/orders/route";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { callRoute } from "@/tests/helpers/call-route";
import { INBOUND_KEY, changesOf, createApiKey, deliveriesOf, ensureStatuses, freshUuid, imshopAuth, orderBy, setInboundKey, uid } from "@/tests/helpers/orders-kit";

let apiHeaders: Record<string, string>;

beforeAll(async () => {
  await ensureStatuses();
  apiHeaders = { apikey: await createApiKey(["orders"]) };
});
beforeEach(async () => {
  await setInboundKey();
});

async function order(code = "new", opts: { uuid?: string | null } = {}) {
  const uuid = opts.uuid === null ? undefined : (opts.uuid ?? freshUuid());
  const internalId = uid("0567");
  const res = await callRoute(upsertRoute, { body: { uuid, internalId, code, total: 990 }, headers: apiHeaders });
  expect(res.status).toBe(200);
  return { uuid, internalId, id: (await orderBy(internalId)).id };
}

const cancel = (body: unknown, headers: Record<string, string> = imshopAuth) => callRoute(cancelRoute, { body, headers });

describe("POST /api/imshop/orders/cancel: the current request shape", () => {
  it("moves a cancellable order to its cancel target and answers {success, newStatus, newMessage}", async () => {
    const o = await order("confirmed");
    const res = await cancel({ uuid: o.uuid, internalId: o.internalId, reason: "Не дозвонились, купил в другом магазине" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, newStatus: "cancelled", newMessage: "Заказ отменён" });
    const after = await orderBy(o.internalId);
    expect(after).toMatchObject({ statusCode: "cancelled", statusMessage: "Заказ отменён", version: 2 });
    const change = (await changesOf(o.id)).at(-1)!;
    expect(change).toMatchObject({ fromCode: "confirmed", toCode: "cancelled", source: "imshop" });
    expect((await deliveriesOf(o.id)).at(-1)).toMatchObject({ entityVersion: 2, payload: { id: o.uuid, code: "cancelled", message: "Заказ отменён" } });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: o.id, action: "order.status_change" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ source: "imshop", reason: "Не дозвонились, купил в другом магазине" });
  });

  it("answers a repeat with success again, changing nothing", async () => {
    const o = await order("new");
    const body = { uuid: o.uuid, internalId: o.internalId };
    const first = await cancel(body);
    const again = await cancel(body);
    expect(again.json).toEqual(first.json);
    expect(again.json.success).toBe(true);
    expect(await changesOf(o.id)).toHaveLength(2);
    expect(await deliveriesOf(o.id)).toHaveLength(2);
  });

  it("makes exactly one change when IMSHOP sends the same cancellation twice at once", async () => {
    const o = await order("packed");
    const results = await Promise.all([cancel({ uuid: o.uuid }), cancel({ uuid: o.uuid }), cancel({ internalId: o.internalId })]);
    expect(results.map((r) => r.json.success)).toEqual([true, true, true]);
    expect((await changesOf(o.id)).map((c) => c.toCode)).toEqual(["packed", "cancelled"]);
  });

  it("finds the order by the merchant's number alone, and by number when the uuid is unknown", async () => {
    const a = await order("new", { uuid: null });
    expect((await cancel({ internalId: a.internalId })).json.success).toBe(true);
    const b = await order("new");
    expect((await cancel({ uuid: freshUuid(), internalId: b.internalId })).json.success).toBe(true);
    expect((await deliveriesOf(a.id)).at(-1)!.payload).toMatchObject({ id: a.internalId, code: "cancelled" });
  });

  it("refuses, saying why, what cannot be cancelled — and changes nothing", async () => {
    const shipped = await order("shipped");
    const delivered = await order("delivered");
    const byStaff = await order("new");
    await changeOrderStatus({ orderId: byStaff.id, code: "cancelled", source: "staff", actor: { id: null, label: "staff@example.com" } });

    expect((await cancel({ uuid: shipped.uuid })).json).toEqual({ success: false, newMessage: "Заказ в статусе «Заказ в пути» уже нельзя отменить" });
    expect((await cancel({ uuid: delivered.uuid })).json).toEqual({ success: false, newMessage: "Заказ уже завершён («Заказ получен»), отменить его нельзя" });
    expect((await cancel({ uuid: byStaff.uuid })).json).toEqual({ success: false, newMessage: "Заказ уже отменён" });
    const unknown = await cancel({ uuid: freshUuid(), internalId: uid("nope") });
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual({ success: false, newMessage: "Заказ не найден" });
    expect((await orderBy(shipped.internalId)).statusCode).toBe("shipped");
    expect(await changesOf(shipped.id)).toHaveLength(1);
    expect(await changesOf(byStaff.id)).toHaveLength(2);
  });

  it("refuses an order whose code is not in the status list", async () => {
    const o = await order(uid("erp_special"));
    const res = await cancel({ uuid: o.uuid });
    expect(res.json.success).toBe(false);
    expect(res.json.newMessage).toMatch(/уже нельзя отменить/);
  });
});

describe("POST /api/imshop/orders/cancel: the older request shape", () => {
  it("accepts {id, status: canceled} by uuid or number and answers {success, status, message}", async () => {
    const a = await order("new");
    const b = await order("awaiting_payment", { uuid: null });
    expect((await cancel({ id: a.uuid, status: "canceled", reason: "Передумал" })).json).toEqual({ success: true, status: "cancelled", message: "Заказ отменён" });
    expect((await cancel({ id: b.internalId, status: "canceled" })).json).toEqual({ success: true, status: "cancelled", message: "Заказ отменён" });
    expect((await cancel({ id: b.internalId, status: "canceled" })).json.success).toBe(true);
  });

  it("answers refusals in the older shape too", async () => {
    const shipped = await order("shipped");
    expect((await cancel({ id: shipped.uuid, status: "canceled" })).json).toEqual({ success: false, message: "Заказ в статусе «Заказ в пути» уже нельзя отменить" });
    expect((await cancel({ id: uid("nope"), status: "canceled" })).json).toEqual({ success: false, message: "Заказ не найден" });
  });
});

describe("POST /api/imshop/orders/cancel: authentication and bad input", () => {
  it("refuses a missing or wrong key with 401 and changes nothing; takes the key from the body too", async () => {
    const o = await order("new");
    expect((await cancel({ uuid: o.uuid }, {})).status).toBe(401);
    expect((await cancel({ uuid: o.uuid }, { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await callRoute(cancelRoute, { rawBody: "{broken", headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await orderBy(o.internalId)).statusCode).toBe("new");
    expect((await cancel({ uuid: o.uuid, key: INBOUND_KEY }, {})).json.success).toBe(true);
  });

  it("is closed for everyone while no key is configured", async () => {
    await setInboundKey(null);
    expect((await cancel({ uuid: freshUuid() })).status).toBe(401);
  });

  it("names the missing or wrong field with 422, answers malformed JSON 400 and oversize 413", async () => {
    const missing = await cancel({ reason: "x" });
    expect(missing.status).toBe(422);
    expect(missing.json.error.fields).toHaveProperty("uuid");
    const wrongStatus = await cancel({ id: "1", status: "paid" });
    expect(wrongStatus.status).toBe(422);
    expect(wrongStatus.json.error.fields).toHaveProperty("status");
    const wrongType = await cancel({ uuid: { nested: true }, internalId: "1" });
    expect(wrongType.json.error.fields).toHaveProperty("uuid");
    expect((await callRoute(cancelRoute, { rawBody: "{broken", headers: imshopAuth })).status).toBe(400);
    expect((await cancel({ uuid: freshUuid(), reason: "x".repeat(70 * 1024) })).status).toBe(413);
  });
});
