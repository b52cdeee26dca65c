// Set-up shared by the scans integration tests: the inbound IMSHOP key, campaigns on fresh GTINs,
// and realistic marking codes, so every test owns its own data in the shared per-run database.
import { randomBytes, randomInt } from "node:crypto";
import { prisma } from "@/lib/db";
import { gs1CheckDigit } from "@/lib/barcode/gtin";
import type { CampaignTexts } from "@/lib/campaigns/campaigns.schema";
import { setImshopInboundKey } from "@/tests/helpers/imshop-inbound-key";
import { uid } from "@/tests/helpers/uid";

export { uid };

export const INBOUND_KEY = "imshop-inbound-scans-test-key";
export const GS = "\u001d";
export const auth = { authorization: `Bearer ${INBOUND_KEY}` };

/** IMSHOP's user ids are often phone numbers; a fresh one per test keeps tests apart. */
export const phoneUser = () => `7${String(randomInt(9_000_000_000, 9_999_999_999))}`;

export const setInboundKey = (key: string | null = INBOUND_KEY) => setImshopInboundKey(key);

/** A GTIN-14 with a correct check digit that no other test uses. */
export function freshGtin(): string {
  const body = `04${String(randomInt(0, 100_000_000_000)).padStart(11, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
}

const SERIAL_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";
export function serial(length = 13): string {
  return Array.from({ length }, () => SERIAL_CHARS[randomInt(SERIAL_CHARS.length)]).join("");
}

/** A Chestny ZNAK shoe/clothing code: 01 GTIN, 21 serial (13), GS, 91 key id, GS, 92 crypto code (44). */
export function shoeCode(gtin: string, ser = serial()) {
  const crypto = randomBytes(33).toString("base64"); // 44 characters
  return { text: `01${gtin}21${ser}${GS}91EE06${GS}92${crypto}`, gtin, serial: ser, crypto };
}

/** A Chestny ZNAK dairy code: 01 GTIN, 21 serial (6), GS, 93 crypto tail. */
export function milkCode(gtin: string, ser = serial(6)) {
  return { text: `01${gtin}21${ser}${GS}93${serial(4)}`, gtin, serial: ser };
}

export const base64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

export async function makeCampaign(opts: {
  gtins: string[];
  bonusPoints?: number;
  autoApprove?: boolean;
  perUserDailyLimit?: number | null;
  startsAt?: Date;
  endsAt?: Date | null;
  active?: boolean;
  texts?: CampaignTexts;
  name?: string;
}) {
  return prisma.campaign.create({
    data: {
      name: opts.name ?? uid("campaign"),
      startsAt: opts.startsAt ?? new Date(Date.now() - 86_400_000),
      endsAt: opts.endsAt === undefined ? new Date(Date.now() + 30 * 86_400_000) : opts.endsAt,
      bonusPoints: opts.bonusPoints ?? 100,
      autoApprove: opts.autoApprove ?? false,
      perUserDailyLimit: opts.perUserDailyLimit ?? null,
      active: opts.active ?? true,
      texts: (opts.texts ?? {}) as object,
      gtins: { create: opts.gtins.map((gtin) => ({ gtin })) },
    },
  });
}

export async function ledgerFor(userId: string) {
  const client = await prisma.loyaltyClient.findUnique({ where: { imshopUserId: userId }, select: { id: true } });
  if (!client) return { client: null, entries: [], balance: 0 };
  const entries = await prisma.ledgerEntry.findMany({ where: { clientId: client.id }, orderBy: { id: "asc" } });
  return { client, entries, balance: entries.reduce((s, e) => s + e.amount, 0) };
}
