// Set-up shared by the loyalty integration tests: points, levels, clients with a ledger history,
// API keys, and a "till" that calls the five route handlers in-process the way a POS system would.
import { randomBytes, randomInt } from "node:crypto";
import { prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { callRoute } from "@/tests/helpers/call-route";
import { POST as clientRoute } from "@/app/integration/general/client/route";
import { POST as recalcRoute } from "@/app/integration/general/recalc/route";
import { POST as holdRoute } from "@/app/integration/general/bonuses/hold/route";
import { POST as releaseRoute } from "@/app/integration/general/bonuses/release/route";
import { POST as retailRoute } from "@/app/integration/general/retail/route";
import { uid } from "@/tests/helpers/uid";

export { uid };

/** A fresh mobile number in the stored form 7XXXXXXXXXX. */
export const freshPhone = () => `79${String(randomInt(100_000_000, 999_999_999))}`;

export async function makePoint(opts: { active?: boolean } = {}) {
  return prisma.loyaltyPoint.create({ data: { name: uid("Point"), active: opts.active ?? true } });
}

export async function makeLevel(opts: { percent?: number; type?: "cashback" | "discount"; maxSpendPercent?: number; title?: string } = {}) {
  return prisma.loyaltyLevel.create({
    data: { title: opts.title ?? uid("Level"), percent: opts.percent ?? 10, type: opts.type ?? "cashback", maxSpendPercent: opts.maxSpendPercent ?? 100 },
  });
}

/** A client whose ledger holds `balance` points (as an opening adjustment). */
export async function makeClient(opts: { levelId: string; balance?: number; phone?: string; cardNumber?: string; appCode?: string; name?: string }) {
  const client = await prisma.loyaltyClient.create({
    data: {
      levelId: opts.levelId,
      name: opts.name ?? "ИВАН",
      phone: opts.phone ?? freshPhone(),
      cardNumber: opts.cardNumber ?? null,
      appCode: opts.appCode ?? null,
      email: "mail@example.com",
      photo: "https://example.com/ivan.jpeg",
      birthday: new Date("2021-03-29T00:00:00Z"),
    },
  });
  if (opts.balance) {
    await prisma.ledgerEntry.create({ data: { clientId: client.id, kind: "adjustment", amount: opts.balance, reason: "test opening balance" } });
  }
  return client;
}

export async function makeApiKey(opts: { scopes?: string[]; pointIds?: string[]; revoked?: boolean } = {}) {
  const value = `ick_test_${randomBytes(16).toString("hex")}`;
  const key = await prisma.apiKey.create({
    data: {
      name: uid("till"),
      prefix: value.slice(0, 12),
      hash: sha256Hex(value),
      scopes: opts.scopes ?? ["loyalty"],
      revokedAt: opts.revoked ? new Date() : null,
      points: { create: (opts.pointIds ?? []).map((pointId) => ({ pointId })) },
    },
  });
  return { id: key.id, value };
}

export async function ledgerSum(clientId: string) {
  const { _sum } = await prisma.ledgerEntry.aggregate({ where: { clientId }, _sum: { amount: true } });
  return _sum.amount ?? 0;
}

type Extra = { headers?: Record<string, string>; idempotencyKey?: string; rawBody?: string };

/** The five endpoints as a till calls them, with its `apikey` header. */
export function till(apiKey: string | null) {
  const call = (handler: Parameters<typeof callRoute>[0], path: string) => (body?: unknown, extra: Extra = {}) =>
    callRoute(handler, {
      url: `http://localhost/integration/general/${path}`,
      body,
      rawBody: extra.rawBody,
      headers: {
        ...(apiKey ? { apikey: apiKey } : {}),
        ...(extra.idempotencyKey ? { "Idempotency-Key": extra.idempotencyKey } : {}),
        ...(extra.headers ?? {}),
      },
    });
  return {
    client: call(clientRoute, "client"),
    recalc: call(recalcRoute, "recalc"),
    hold: call(holdRoute, "bonuses/hold"),
    release: call(releaseRoute, "bonuses/release"),
    retail: call(retailRoute, "retail"),
  };
}

/** A point, a cashback level, a client with a balance and a key: the usual start of a test. */
export async function setting(opts: { balance?: number; percent?: number; maxSpendPercent?: number } = {}) {
  const point = await makePoint();
  const level = await makeLevel({ percent: opts.percent ?? 10, maxSpendPercent: opts.maxSpendPercent ?? 100 });
  const client = await makeClient({ levelId: level.id, balance: opts.balance ?? 1000 });
  const key = await makeApiKey();
  return { point, level, client, key, api: till(key.value) };
}
