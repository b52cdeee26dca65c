import { prisma, type Db } from "@/lib/db";
import { fieldError } from "@/lib/http/app-error";
import { getBalance } from "@/lib/loyalty/get-balance";
import { CLIENT_NOT_FOUND } from "@/lib/loyalty/lock-client";
import { normalizePhone } from "@/lib/loyalty/phone";
import { ownHoldIds, resolvePoint, type PointScope } from "@/lib/loyalty/resolve-point";

/** The `client` object of seed 002's answer, field for field. */
export type ClientAnswer = {
  id: string;
  name: string | null;
  photo: string | null;
  birthday: string | null;
  level: { id: string; title: string; percent: number; type: "cashback" | "discount"; maxSpendPercent: number };
  phone: number | null;
  email: string | null;
  balance: number;
};

const clientSelect = {
  id: true,
  name: true,
  photo: true,
  birthday: true,
  phone: true,
  email: true,
  cardNumber: true,
  appCode: true,
  imshopUserId: true,
  level: { select: { id: true, title: true, percent: true, type: true, maxSpendPercent: true } },
} as const;

/**
 * Finds the client a till typed or scanned: a card number or app code exactly as given, a phone in
 * any common Russian format, or the IMSHOP user id the app may show as its code. When one string
 * matches several clients, the more specific identifier wins (card, app code, phone, app user).
 */
export async function lookupClient(search: string, db: Db = prisma) {
  const compact = search.replace(/\s+/g, "");
  const texts = [...new Set([search, compact])];
  const phone = normalizePhone(search);
  const candidates = await db.loyaltyClient.findMany({
    where: {
      OR: [
        { cardNumber: { in: texts } },
        { appCode: { in: texts } },
        ...(phone ? [{ phone }] : []),
        { imshopUserId: search },
      ],
    },
    select: clientSelect,
    take: 4,
  });
  const rank = (c: (typeof candidates)[number]) =>
    c.cardNumber && texts.includes(c.cardNumber) ? 0 : c.appCode && texts.includes(c.appCode) ? 1 : phone && c.phone === phone ? 2 : 3;
  return candidates.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** `POST /integration/general/client`: the client with the balance a till may use now. */
export async function findClient(opts: {
  search: string;
  pointId: string;
  holdIds: string[];
  allowed: PointScope;
  tx?: Db;
}): Promise<ClientAnswer> {
  const db = opts.tx ?? prisma;
  await resolvePoint({ pointId: opts.pointId, allowed: opts.allowed, tx: db });
  const client = await lookupClient(opts.search, db);
  if (!client) throw fieldError("client", CLIENT_NOT_FOUND, { key: "clientNotFound" });
  const excludeHoldIds = await ownHoldIds({ clientId: client.id, holdIds: opts.holdIds, allowed: opts.allowed, tx: db });
  const { available } = await getBalance({ clientId: client.id, excludeHoldIds, tx: db });
  return {
    id: client.id,
    name: client.name,
    photo: client.photo,
    birthday: client.birthday ? client.birthday.toISOString().slice(0, 10) : null,
    level: client.level,
    phone: client.phone ? Number(client.phone) : null,
    email: client.email,
    // Discount levels pay with a discount, never with points (seed 002).
    balance: client.level.type === "discount" ? 0 : available,
  };
}
