import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as statusRoute } from "@/app/api/orders/status/route";
import { POST as upsertRoute } from "@/app/api/orders/route";
import { saveOrderStatus } from "@/lib/orders/save-order-status";
import { deleteOrderStatus } from "@/lib/orders/delete-order-status";
import { dismissUnmappedCode } from "@/lib/orders/dismiss-unmapped-code";
import { loadExportedStatuses, statusesToCsv } from "@/lib/orders/export-statuses";
import { getStatusList } from "@/lib/orders/orders.queries";
import { StatusRuleError } from "@/lib/orders/order-errors";
import { orderStatusFormSchema } from "@/lib/orders/orders.schema";
import { callRoute } from "@/tests/helpers/call-route";
import { createApiKey, ensureStatuses, freshUuid, uid } from "@/tests/helpers/orders-kit";

const admin = { id: null, label: "admin@example.com" };
let headers: Record<string, string>;

beforeAll(async () => {
  await ensureStatuses();
  headers = { apikey: await createApiKey(["orders"]) };
});

const form = (over: Record<string, unknown>) =>
  orderStatusFormSchema.parse({ description: "Тест", buyerText: "Текст", cancellable: false, final: false, sortOrder: 5, ...over });

describe("order statuses: the list and its IMSHOP mapping", () => {
  it("creates and edits a status, auditing both, and refuses a duplicate or a missing target", async () => {
    const code = uid("ready");
    await saveOrderStatus({ mode: "create", input: form({ code, imshopStatus: "ready_for_pickup", cancellable: true, cancelTargetCode: "cancelled" }), actor: admin });
    await expect(saveOrderStatus({ mode: "create", input: form({ code }), actor: admin })).rejects.toMatchObject({ key: "codeExists" });
    await saveOrderStatus({ mode: "update", input: form({ code, buyerText: "Можно забирать", imshopStatus: "ready" }), actor: admin });
    expect(await prisma.orderStatus.findUnique({ where: { code } })).toMatchObject({ buyerText: "Можно забирать", imshopStatus: "ready", cancellable: false });
    expect(await prisma.auditLog.count({ where: { entityType: "order_status", entityId: code } })).toBe(2);
    await expect(saveOrderStatus({ mode: "update", input: form({ code: uid("nope") }), actor: admin })).rejects.toMatchObject({ key: "statusNotFound" });
    await expect(
      saveOrderStatus({ mode: "create", input: form({ code: uid("x"), cancellable: true, cancelTargetCode: uid("missing") }), actor: admin }),
    ).rejects.toMatchObject({ key: "unknownCancelTarget", fields: { cancelTargetCode: expect.any(String) } });
  });

  it("shows codes seen in traffic without a row, until an admin describes or dismisses them", async () => {
    const described = uid("courier");
    const dismissed = uid("typo");
    const uuid = freshUuid();
    await callRoute(upsertRoute, { body: { uuid, internalId: uid("0567"), code: "new" }, headers });
    await callRoute(statusRoute, { body: { id: uuid, code: described }, headers });
    await callRoute(statusRoute, { body: { id: uuid, code: dismissed }, headers });
    let list = await getStatusList();
    expect(list.unmapped.map((u) => u.code)).toEqual(expect.arrayContaining([described, dismissed]));

    await saveOrderStatus({ mode: "create", input: form({ code: described }), actor: admin });
    await dismissUnmappedCode({ code: dismissed, actor: admin });
    list = await getStatusList();
    expect(list.unmapped.map((u) => u.code)).not.toContain(described);
    expect(list.unmapped.map((u) => u.code)).not.toContain(dismissed);
    expect(list.statuses.find((s) => s.code === described)).toMatchObject({ description: "Тест", orders: 0 });
  });

  it("refuses to delete a status that orders are in or that others cancel into", async () => {
    const used = uid("used");
    await saveOrderStatus({ mode: "create", input: form({ code: used }), actor: admin });
    await callRoute(upsertRoute, { body: { internalId: uid("0567"), code: used }, headers });
    await expect(deleteOrderStatus({ code: used, actor: admin })).rejects.toMatchObject({ key: "statusInUse", params: { count: 1 } });

    const target = uid("void");
    const source = uid("draft");
    await saveOrderStatus({ mode: "create", input: form({ code: target, final: true }), actor: admin });
    await saveOrderStatus({ mode: "create", input: form({ code: source, cancellable: true, cancelTargetCode: target }), actor: admin });
    const refusal = await deleteOrderStatus({ code: target, actor: admin }).catch((e) => e);
    expect(refusal).toBeInstanceOf(StatusRuleError);
    expect(refusal.key).toBe("statusIsCancelTarget");

    await deleteOrderStatus({ code: source, actor: admin });
    await deleteOrderStatus({ code: target, actor: admin });
    expect(await prisma.orderStatus.count({ where: { code: { in: [source, target] } } })).toBe(0);
  });

  it("exports every status with its mapping, in list order", async () => {
    const statuses = await loadExportedStatuses(prisma);
    const packed = statuses.find((s) => s.code === "packed");
    expect(packed).toEqual({
      code: "packed",
      description: "Собран",
      buyerText: "Готов к выдаче",
      imshopStatus: "ready_for_pickup",
      cancellable: true,
      final: false,
      cancelTargetCode: "cancelled",
    });
    const codes = statuses.map((s) => s.code);
    expect(codes.indexOf("new")).toBeLessThan(codes.indexOf("cancelled"));
    expect(statusesToCsv(statuses)).toContain("\r\npacked,Собран,Готов к выдаче,ready_for_pickup,true,false,cancelled\r\n");
  });
});
