// Set-up shared by the orders integration tests: statuses, an API key with the orders scope, the
// inbound IMSHOP key, and orders with fresh numbers so every test owns its data in the shared database.
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { DEMO_STATUSES } from "@/prisma/seed/40-orders";
import { setImshopInboundKey } from "@/tests/helpers/imshop-inbound-key";
import { uid } from "@/tests/helpers/uid";

export { uid };

export const INBOUND_KEY = "imshop-inbound-orders-test-key";
export const imshopAuth = { authorization: `Bearer ${INBOUND_KEY}` };

export const freshUuid = () => {
  const h = randomBytes(16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The demo list (new … cancelled), the same rows the seed writes; left alone when already there. */
export async function ensureStatuses() {
  for (const s of DEMO_STATUSES) await prisma.orderStatus.upsert({ where: { code: s.code }, create: s, update: s });
}

/** A key as an admin would issue it; returns the secret the caller presents. */
export async function createApiKey(scopes: string[] = ["orders"], opts: { revoked?: boolean } = {}) {
  const secret = uid("ic_test");
  await prisma.apiKey.create({
    data: { name: uid("ERP"), prefix: secret.slice(0, 8), hash: sha256Hex(secret), scopes, revokedAt: opts.revoked ? new Date() : null },
  });
  return secret;
}

export const setInboundKey = (key: string | null = INBOUND_KEY) => setImshopInboundKey(key);

export const jobCount = async (orderId: string) =>
  (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`order_status:${orderId}`}`)[0].n;

export const orderBy = (internalId: string) => prisma.order.findUniqueOrThrow({ where: { internalId } });

export const changesOf = (orderId: string) =>
  prisma.orderStatusChange.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

export const deliveriesOf = (orderId: string) =>
  prisma.delivery.findMany({ where: { kind: "order_status", entityId: orderId }, orderBy: { entityVersion: "asc" } });
