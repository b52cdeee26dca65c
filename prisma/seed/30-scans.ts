import type { PrismaClient } from "@/lib/generated/prisma/client";
import { gs1CheckDigit } from "@/lib/barcode/gtin";
import { registerScan } from "@/lib/scans/register-scan";
import { moderateScans } from "@/lib/scans/moderate-scan";
import type { Prisma } from "@/lib/db";

// Demo bonus campaigns and ~30 scans made through the real registration and moderation use cases,
// so every status, reason, ledger credit and audit entry is what the portal itself would write.
const DAY = 86_400_000;
const GS = "\u001d";

const gtin = (body12: string) => `0${body12}${gs1CheckDigit(`0${body12}`)}`;
const SHOES = ["460123400001", "460123400002", "460123400003", "460123400004", "460123400005", "460123400006"].map(gtin);
const DAIRY = ["460700843301", "460700843302", "460700843303"].map(gtin);
const WINTER = ["460555500001", "460555500002"].map(gtin);
const OTHER = gtin("460999900001"); // a real-looking product in no campaign

const USERS = ["79991234567", "79161234501", "79161234502", "79161234503", "79161234504", "79161234505", "imshop-user-1042"];

/** Deterministic "random" characters, so every seeded database has the same codes. */
function chars(seed: number, length: number): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";
  let s = seed * 7919 + 17;
  let out = "";
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out += alphabet[s % alphabet.length];
  }
  return out;
}

const shoeCode = (g: string, n: number) => `01${g}21${chars(n, 13)}${GS}91EE06${GS}92${chars(n + 1000, 44)}`;
const milkCode = (g: string, n: number) => `01${g}21${chars(n, 6)}${GS}93${chars(n + 2000, 4)}`;

export async function seed(prisma: PrismaClient) {
  if (await prisma.campaign.findUnique({ where: { id: "demo-campaign-shoes" } })) return;
  const now = Date.now();
  await prisma.campaign.create({
    data: {
      id: "demo-campaign-shoes",
      name: "Весна: обувь и одежда",
      startsAt: new Date(now - 30 * DAY),
      endsAt: new Date(now + 60 * DAY),
      bonusPoints: 200,
      autoApprove: false,
      perUserDailyLimit: 5,
      texts: { approved: { ru: { statusMessage: "Начислено {points} бонусов по акции «{campaign}»" } } } as Prisma.InputJsonValue,
      gtins: { create: SHOES.map((g) => ({ gtin: g })) },
      createdAt: new Date(now - 31 * DAY),
    },
  });
  await prisma.campaign.create({
    data: {
      id: "demo-campaign-dairy",
      name: "Молочная неделя",
      startsAt: new Date(now - 10 * DAY),
      endsAt: null,
      bonusPoints: 50,
      autoApprove: true,
      gtins: { create: DAIRY.map((g) => ({ gtin: g })) },
      createdAt: new Date(now - 11 * DAY),
    },
  });
  await prisma.campaign.create({
    data: {
      id: "demo-campaign-winter",
      name: "Зимняя распродажа",
      startsAt: new Date(now - 90 * DAY),
      endsAt: new Date(now - 5 * DAY),
      bonusPoints: 100,
      active: true,
      gtins: { create: WINTER.map((g) => ({ gtin: g })) },
      createdAt: new Date(now - 91 * DAY),
    },
  });

  const staff = await prisma.user.findUnique({ where: { email: "staff@example.com" }, select: { id: true, email: true } });
  const actor = staff ? { id: staff.id, label: staff.email } : { label: "demo seed" };
  const registered: { id: string; barcode: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const at = new Date(now - (29 - i) * 8 * 3600_000);
    const userId = USERS[i % USERS.length];
    let barcode: string;
    switch (i % 10) {
      case 4:
      case 5:
        barcode = milkCode(DAIRY[i % DAIRY.length], i); // auto-approved, points credited at once
        break;
      case 6:
        barcode = registered[registered.length - 2].barcode; // the same code again: already registered
        break;
      case 7:
        barcode = i === 7 ? "YXNkYXNkIGpha2RzIGxha2RzYWE=" : i === 17 ? OTHER.slice(1) : "https://example.com/promo";
        break;
      case 8:
        barcode = shoeCode(WINTER[i % WINTER.length], i); // the campaign has ended
        break;
      default:
        barcode = i % 3 === 0 ? Buffer.from(shoeCode(SHOES[i % SHOES.length], i)).toString("base64") : shoeCode(SHOES[i % SHOES.length], i);
    }
    const timestamp = Math.floor(at.getTime() / 1000);
    const { scanId } = await prisma.$transaction((tx) => registerScan({ barcode, userId, timestamp, now: at, tx }));
    registered.push({ id: scanId, barcode });
    if (i % 10 === 9) {
      // A staff decision a little later; its push counts as delivered long ago.
      await prisma.$transaction(async (tx) => {
        await moderateScans({
          ids: [scanId],
          decision: i === 19 ? "denied" : "approved",
          message: i === 19 ? "Покупка совершена вне сроков акции" : undefined,
          actor,
          now: new Date(at.getTime() + 3600_000),
          tx,
        });
        await tx.delivery.updateMany({
          where: { entityId: scanId },
          data: { state: "delivered", attempts: 1, lastStatus: 204, deliveredAt: new Date(at.getTime() + 3601_000) },
        });
        await tx.$executeRaw`SELECT graphile_worker.remove_job(${`scan_status:${scanId}`}::text)`;
      });
    }
  }
}
