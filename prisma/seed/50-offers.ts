import type { PrismaClient } from "@/lib/generated/prisma/client";

// Demo segments and offers: one of each kind an admin meets (everyone, segments, listed users, a code
// pool, expired, scheduled, inactive), around the demo app user 79991234567 used by the other seeds.
const DAY = 86_400_000;
const DEMO_USER = "79991234567";

const SEGMENTS = [
  { id: "PEREKRESTOR-BUYER", name: "Пользователи, установившие приложение по флаеру в Перекрестке", source: "imshop" },
  { id: "SALES", name: "Пользователи, покупающие только на распродажах", source: "imshop" },
  { id: "VIP", name: "VIP-покупатели", source: "admin" },
  { id: "NEWCOMERS", name: "Новые пользователи приложения", source: "admin" },
];

type DemoOffer = {
  id: string;
  name: string;
  description: string;
  promocode?: string;
  pool?: string[];
  barcodeType?: string;
  online?: boolean;
  offline?: boolean;
  startsInDays?: number;
  expiresInDays?: number | null;
  segments?: string[];
  users?: string[];
  active?: boolean;
};

const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(1000 + i * 37).padStart(5, "0")}`);

const OFFERS: DemoOffer[] = [
  { id: "PROMO-1", name: "Скидка 1000 рублей при покупке духов HUGO BOSS", description: "Воспользуйтесь вашим персональным промокодом до конца акции", promocode: "HUGO1000", barcodeType: "qr", online: true, offline: false, expiresInDays: 60 },
  { id: "WELCOME-APP", name: "Скачай приложение — получи скидку на кассе", description: "Покажите штрихкод на кассе любого магазина: скидка 500 ₽ на первую покупку от 3000 ₽", promocode: "APP500", online: false, offline: true, expiresInDays: null },
  { id: "FLYER-PEREKRESTOK", name: "Подарок по флаеру из Перекрёстка", description: "Скидка 10% на весь чек в магазине", promocode: "4601234567893", barcodeType: "ean13", offline: true, online: false, expiresInDays: 30, segments: ["PEREKRESTOR-BUYER"] },
  { id: "SALES-EXTRA", name: "Ещё −15% на распродаже", description: "Дополнительная скидка на товары со скидкой", promocode: "SALE15", barcodeType: "datamatrix", expiresInDays: 14, segments: ["SALES"] },
  { id: "VIP-GIFT", name: "Подарок VIP-покупателю", description: "Персональный код на подарок при покупке от 10 000 ₽", pool: codes("VIP-", 20), expiresInDays: 90, segments: ["VIP"] },
  { id: "NEW-FIRST-ORDER", name: "−20% на первый заказ", description: "Ваш личный код на первый заказ в приложении", pool: codes("NEW-", 5), online: true, offline: false, segments: ["NEWCOMERS"] },
  { id: "BIRTHDAY", name: "С днём рождения!", description: "Двойные бонусы на покупки в течение недели", promocode: "BDAY2026", barcodeType: "pdf417", expiresInDays: 7, users: [DEMO_USER, "79161234501"] },
  { id: "SUMMER-2025", name: "Летняя распродажа", description: "Акция завершена", promocode: "SUMMER25", startsInDays: -120, expiresInDays: -30 },
  { id: "AUTUMN-PRE", name: "Осенний предзаказ", description: "Откроется через 10 дней", promocode: "AUTUMN10", startsInDays: 10, expiresInDays: 40 },
  { id: "PAUSED-DEMO", name: "Приостановленная акция", description: "Выключена администратором", promocode: "PAUSED", active: false },
];

export async function seed(prisma: PrismaClient) {
  const now = Date.now();
  for (const s of SEGMENTS) {
    await prisma.segment.upsert({ where: { id: s.id }, update: {}, create: { ...s, lastSeenAt: s.source === "imshop" ? new Date(now - DAY) : null } });
  }
  for (const [i, o] of OFFERS.entries()) {
    const exists = await prisma.offer.findUnique({ where: { id: o.id }, select: { id: true } });
    if (exists) continue;
    await prisma.offer.create({
      data: {
        id: o.id,
        name: o.name,
        description: o.description,
        promocodeMode: o.pool ? "pool" : "shared",
        promocode: o.pool ? null : o.promocode,
        barcodeType: o.barcodeType ?? "code128",
        online: o.online ?? true,
        offline: o.offline ?? true,
        startsAt: o.startsInDays !== undefined ? new Date(now + o.startsInDays * DAY) : null,
        expiresAt: o.expiresInDays ? new Date(now + o.expiresInDays * DAY) : null,
        targeting: o.segments ? "segments" : o.users ? "users" : "everyone",
        active: o.active ?? true,
        // Spread creation times so the list's order is stable and newest-first shows PROMO-1 last.
        createdAt: new Date(now - (OFFERS.length - i) * 60_000),
        segments: o.segments ? { create: o.segments.map((segmentId) => ({ segmentId })) } : undefined,
        users: o.users ? { create: o.users.map((userId) => ({ userId })) } : undefined,
        codes: o.pool ? { create: o.pool.map((code) => ({ code })) } : undefined,
      },
    });
  }
  // The demo user already took and used a code of the first-order offer, and used the welcome offer.
  const firstCode = await prisma.offerCode.findFirst({ where: { offerId: "NEW-FIRST-ORDER", assignedUserId: null }, orderBy: { code: "asc" } });
  const holds = await prisma.offerCode.findFirst({ where: { offerId: "NEW-FIRST-ORDER", assignedUserId: DEMO_USER } });
  if (firstCode && !holds) {
    await prisma.offerCode.update({ where: { id: firstCode.id }, data: { assignedUserId: DEMO_USER, assignedAt: new Date(now - 3 * DAY) } });
    await prisma.offerRedemption.createMany({
      data: [
        { offerId: "NEW-FIRST-ORDER", userId: DEMO_USER, code: firstCode.code, source: "api", createdAt: new Date(now - 2 * DAY) },
        { offerId: "WELCOME-APP", userId: DEMO_USER, code: "APP500", source: "dashboard", createdAt: new Date(now - DAY) },
      ],
      skipDuplicates: true,
    });
  }
}
