import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { earnedPoints, spendCap } from "@/lib/loyalty/money";
import { DEMO_TILL_KEY } from "@/lib/demo/demo-credentials";

// Demo loyalty program: two points of sale, three levels, ~20 clients with a purchase history, and a
// fixed DEMO-ONLY till key so a newcomer can curl the API (README). Never seed demo data in production.
export const DEMO_POINTS = [
  { id: "demo-point-central", name: "Магазин на Тверской", address: "Москва, ул. Тверская, 12" },
  { id: "demo-point-mall", name: "ТЦ «Авиапарк»", address: "Москва, Ходынский б-р, 4" },
];

const LEVELS = [
  { id: "demo-level-base", title: "Базовый", percent: 5, type: "cashback", maxSpendPercent: 50, isDefault: true, sortOrder: 10 },
  { id: "demo-level-gold", title: "Золотой", percent: 10, type: "cashback", maxSpendPercent: 100, isDefault: false, sortOrder: 20 },
  { id: "demo-level-discount", title: "Скидка", percent: 7, type: "discount", maxSpendPercent: 0, isDefault: false, sortOrder: 30 },
] as const;

const NAMES = [
  "Иван Петров", "Мария Смирнова", "Алексей Кузнецов", "Ольга Попова", "Дмитрий Васильев",
  "Анна Соколова", "Сергей Михайлов", "Екатерина Новикова", "Андрей Фёдоров", "Наталья Морозова",
  "Павел Волков", "Елена Алексеева", "Михаил Лебедев", "Татьяна Семёнова", "Николай Егоров",
  "Ирина Павлова", "Владимир Козлов", "Светлана Степанова", "Юрий Николаев", "Ксения Орлова",
];

/** A small deterministic generator, so every seeded database holds the same demo history. */
function generator(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor(s / 65536) % n;
  };
}

export async function seed(prisma: PrismaClient) {
  await prisma.apiKey.upsert({
    where: { hash: sha256Hex(DEMO_TILL_KEY) },
    update: {},
    create: {
      name: "Демо-касса (только для демо)",
      prefix: DEMO_TILL_KEY.slice(0, 12),
      hash: sha256Hex(DEMO_TILL_KEY),
      scopes: ["loyalty", "orders", "offers"],
    },
  });
  if ((await prisma.loyaltyPoint.count()) > 0 || (await prisma.loyaltyLevel.count()) > 0) return;

  await prisma.loyaltyPoint.createMany({ data: DEMO_POINTS });
  await prisma.loyaltyLevel.createMany({ data: LEVELS.map((l) => ({ ...l })) });

  const random = generator(42);
  const now = Date.now();
  for (const [i, name] of NAMES.entries()) {
    const level = i % 7 === 6 ? LEVELS[2] : i % 3 === 1 ? LEVELS[1] : LEVELS[0];
    const client = await prisma.loyaltyClient.create({
      data: {
        id: `demo-client-${String(i + 1).padStart(2, "0")}`,
        name,
        phone: i === 0 ? "79991234567" : `79161${String(100000 + i * 7919).slice(-6)}`,
        // The first demo client is also the IMSHOP demo user, so approved scans credit a familiar card.
        imshopUserId: i === 0 ? "79991234567" : null,
        email: i % 2 === 0 ? `client${i + 1}@example.com` : null,
        cardNumber: `2000${String(1000 + i).padStart(8, "0")}`,
        appCode: `APP-${String(1000 + i)}`,
        birthday: new Date(Date.UTC(1970 + random(35), random(12), 1 + random(28))),
        levelId: level.id,
        createdAt: new Date(now - (90 - i) * 86_400_000),
      },
    });
    await prisma.ledgerEntry.create({
      data: { clientId: client.id, kind: "adjustment", amount: 100, reason: "Приветственные баллы", createdAt: new Date(now - (89 - i) * 86_400_000) },
    });
    let balance = 100;
    const purchases = 2 + random(6);
    for (let p = 0; p < purchases; p++) {
      const at = new Date(now - (80 - p * 12 - random(10)) * 86_400_000);
      const point = DEMO_POINTS[random(2)];
      const amountKopecks = (500 + random(9500)) * 100 + (random(2) ? 50 : 0);
      const wantsToSpend = level.type === "cashback" && p % 3 === 2 && balance > 0;
      const spend = wantsToSpend ? Math.min(balance, spendCap(amountKopecks, level.maxSpendPercent)) : 0;
      const earn = spend > 0 || level.type === "discount" ? 0 : earnedPoints(amountKopecks, level.percent);
      const discount = level.type === "discount" ? Math.floor((amountKopecks * level.percent) / 100) : 0;
      const op = await prisma.operation.create({
        data: {
          clientId: client.id,
          pointId: point.id,
          amountKopecks,
          totalKopecks: amountKopecks - spend * 100 - discount,
          spend,
          earn,
          percent: level.percent,
          type: level.type,
          createdAt: at,
        },
      });
      if (spend > 0) await prisma.ledgerEntry.create({ data: { clientId: client.id, kind: "spend", amount: -spend, operationId: op.id, createdAt: at } });
      if (earn > 0) await prisma.ledgerEntry.create({ data: { clientId: client.id, kind: "earn", amount: earn, operationId: op.id, createdAt: at } });
      balance += earn - spend;
    }
  }
}
