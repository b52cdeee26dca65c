import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ChangeSource } from "@/lib/orders/change-order-status";
import { orderStatusPayload } from "@/lib/orders/change-order-status";

// The merchant's status list, mapped to IMSHOP statuses (seed 001's example maps `packed` to
// `ready_for_pickup`), and ~40 demo orders with their histories and delivered pushes.
export const DEMO_STATUSES = [
  { code: "new", description: "Новый", buyerText: "Заказ принят", imshopStatus: "new", cancellable: true, final: false, cancelTargetCode: "cancelled", sortOrder: 10 },
  { code: "awaiting_payment", description: "Ожидает оплаты", buyerText: "Ожидаем оплату", imshopStatus: "awaiting_payment", cancellable: true, final: false, cancelTargetCode: "cancelled", sortOrder: 20 },
  { code: "confirmed", description: "Подтверждён", buyerText: "Заказ подтверждён", imshopStatus: "confirmed", cancellable: true, final: false, cancelTargetCode: "cancelled", sortOrder: 30 },
  { code: "packed", description: "Собран", buyerText: "Готов к выдаче", imshopStatus: "ready_for_pickup", cancellable: true, final: false, cancelTargetCode: "cancelled", sortOrder: 40 },
  { code: "shipped", description: "Передан в доставку", buyerText: "Заказ в пути", imshopStatus: "in_delivery", cancellable: false, final: false, cancelTargetCode: null, sortOrder: 50 },
  { code: "delivered", description: "Выдан покупателю", buyerText: "Заказ получен", imshopStatus: "completed", cancellable: false, final: true, cancelTargetCode: null, sortOrder: 60 },
  { code: "cancelled", description: "Отменён", buyerText: "Заказ отменён", imshopStatus: "canceled", cancellable: false, final: true, cancelTargetCode: null, sortOrder: 70 },
  { code: "returned", description: "Возврат", buyerText: "Оформлен возврат", imshopStatus: "returned", cancellable: false, final: true, cancelTargetCode: null, sortOrder: 80 },
] as const;

const ITEMS = [
  "Кроссовки беговые Pegasus 40, 42 р. × 1",
  "Футболка базовая белая, M × 2; Носки спортивные × 3",
  "Куртка демисезонная, L × 1",
  "Рюкзак городской 25 л × 1",
  "Джинсы прямые, 32/34 × 1; Ремень кожаный × 1",
  "Платье миди льняное, S × 1",
  "Шапка вязаная × 1; Шарф × 1",
  "Ботинки зимние, 44 р. × 1",
  "Худи оверсайз серое, XL × 1",
  "Кеды канвас белые, 38 р. × 2",
];

// Where each demo order ends up; the path before it follows the usual order of the list.
const ROUTES: string[][] = [
  ["new"],
  ["new", "confirmed"],
  ["new", "awaiting_payment"],
  ["new", "confirmed", "packed"],
  ["new", "confirmed", "packed", "shipped"],
  ["new", "confirmed", "packed", "shipped", "delivered"],
  ["new", "confirmed", "packed", "shipped", "delivered"],
  ["new", "cancelled"],
  ["new", "confirmed", "cancelled"],
  ["new", "confirmed", "packed", "shipped", "delivered", "returned"],
];

const CANCEL_REASONS = ["Не дозвонились, купил в другом магазине", "Передумал", "Ошибся с размером"];

export async function seed(prisma: PrismaClient) {
  for (const s of DEMO_STATUSES) {
    // Only missing rows: an admin's edits to the list survive a second seeding.
    await prisma.orderStatus.upsert({ where: { code: s.code }, create: s, update: {} });
  }
  if ((await prisma.order.count()) > 0) return;

  const staff = await prisma.user.findFirst({ where: { email: "staff@example.com" }, select: { id: true, email: true } });
  const settings = await prisma.imshopSettings.findUnique({ where: { id: 1 }, select: { orderStatusUrl: true } });
  const pushUrl = settings?.orderStatusUrl ?? "https://imshop.example/order-status";
  const byCode = new Map<string, (typeof DEMO_STATUSES)[number]>(DEMO_STATUSES.map((s) => [s.code, s]));
  let random = 20240917;
  // A fixed pseudo-random sequence (high bits of an LCG), so every seeding produces the same demo data.
  const next = (n: number) => ((random = (random * 1103515245 + 12345) % 2147483648), Math.floor((random / 2147483648) * n));
  const now = Date.now();

  for (let i = 0; i < 40; i++) {
    const route = i === 38 ? ["new", "awaiting_courier"] : ROUTES[i % ROUTES.length];
    const split = i % 9 === 4;
    const internalId = split ? `0567${String(1800 + i).padStart(4, "0")}-2` : `0567${String(1800 + i).padStart(4, "0")}`;
    const uuid = split ? null : demoUuid(i);
    // Steps are under a day apart, so starting that many days back keeps every change in the past.
    let at = now - (40 - i) * 17 * 3600_000 - route.length * 24 * 3600_000 - next(3600_000);
    const final = route[route.length - 1];
    const order = await prisma.order.create({
      data: {
        uuid,
        internalId,
        userId: `79${String(160000000 + next(839999999)).padStart(9, "0")}`,
        totalKopecks: (1490 + next(24000)) * 100 + (i % 3 === 0 ? 90 : 0),
        itemsSummary: ITEMS[i % ITEMS.length],
        statusCode: final,
        statusMessage: byCode.get(final)?.buyerText ?? null,
        trackingUrl: route.includes("shipped") ? `https://www.cdek.ru/ru/tracking?order_id=${1000000000 + next(899999999)}` : null,
        imshopStatus: uuid ? (byCode.get(final)?.imshopStatus ?? null) : null,
        orderCreatedAt: new Date(at),
        version: route.length,
      },
    });
    for (let v = 0; v < route.length; v++) {
      const code = route[v];
      const fromApp = code === "cancelled" && i % 2 === 1;
      const source: ChangeSource = v === 0 ? "api" : fromApp ? "imshop" : code === "cancelled" || code === "confirmed" ? "staff" : "api";
      const message = byCode.get(code)?.buyerText ?? null;
      const trackingUrl = code === "shipped" ? order.trackingUrl : null;
      const change = await prisma.orderStatusChange.create({
        data: {
          orderId: order.id,
          fromCode: v === 0 ? null : route[v - 1],
          toCode: code,
          message,
          trackingUrl,
          source,
          actorId: source === "staff" ? (staff?.id ?? null) : null,
          actorLabel: actorLabel(source, staff?.email),
          createdAt: new Date(at),
        },
      });
      if (fromApp) {
        await prisma.auditLog.create({
          data: {
            actorLabel: "IMSHOP: cancelled in the app",
            action: "order.status_change",
            entityType: "order",
            entityId: order.id,
            after: { statusCode: code, source, changeId: change.id.toString(), reason: CANCEL_REASONS[i % CANCEL_REASONS.length] },
            createdAt: new Date(at),
          },
        });
      }
      const shippedAt = route.indexOf("shipped");
      const sentTracking = shippedAt >= 0 && v >= shippedAt ? order.trackingUrl : null;
      const payload = orderStatusPayload({ uuid, internalId, statusCode: code, statusMessage: message, trackingUrl: sentTracking });
      const answer = { success: true, internalId, uuid, newStatus: code, imshopStatus: byCode.get(code)?.imshopStatus ?? null, message };
      const sentAt = new Date(at + 1500);
      await prisma.delivery.create({
        data: {
          kind: "order_status",
          entityId: order.id,
          entityVersion: v + 1,
          payload,
          state: uuid ? "delivered" : "failed",
          attempts: 1,
          lastStatus: uuid ? 200 : 404,
          response: uuid ? answer : { success: false, message: "Order not found" },
          createdAt: new Date(at),
          deliveredAt: uuid ? sentAt : null,
          attemptLog: {
            create: {
              attemptNo: 1,
              url: pushUrl,
              requestBody: payload,
              responseStatus: uuid ? 200 : 404,
              responseBody: JSON.stringify(uuid ? answer : { success: false, message: "Order not found" }),
              latencyMs: 80 + next(400),
              startedAt: sentAt,
            },
          },
        },
      });
      at += (3 + next(20)) * 3600_000;
    }
  }
  // The order above that went to a code nobody described, as a merchant system would send it.
  await prisma.unmappedStatusCode.upsert({ where: { code: "awaiting_courier" }, create: { code: "awaiting_courier", count: 1 }, update: {} });
}

function actorLabel(source: ChangeSource, staffEmail?: string): string {
  if (source === "staff") return staffEmail ?? "staff";
  if (source === "imshop") return "IMSHOP: cancelled in the app";
  return "API key: 1С:Управление торговлей";
}

function demoUuid(i: number): string {
  const h = createHash("sha256").update(`imshop-connect demo order ${i}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
