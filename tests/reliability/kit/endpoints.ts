// Every public endpoint, described once for the property tests: its handler, a valid request built on
// fixtures, the fields a caller can get wrong, how a wrong key is presented and the contract schema
// its 200 answers must match.
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { invalidateImshopSettings, ensureImshopSettings } from "@/lib/imshop/imshop-settings";
import { scanAnswerSchema, scanHistoryAnswerSchema } from "@/lib/scans/scans.schema";
import { offersResponseSchema } from "@/lib/offers/offers.schema";
import { POST as scansRoute } from "@/app/api/imshop/scans/route";
import { POST as historyRoute } from "@/app/api/imshop/scans/history/route";
import { POST as offersRoute } from "@/app/api/imshop/offers/route";
import { POST as cancelRoute } from "@/app/api/imshop/orders/cancel/route";
import { POST as clientRoute } from "@/app/integration/general/client/route";
import { POST as recalcRoute } from "@/app/integration/general/recalc/route";
import { POST as holdRoute } from "@/app/integration/general/bonuses/hold/route";
import { POST as releaseRoute } from "@/app/integration/general/bonuses/release/route";
import { POST as retailRoute } from "@/app/integration/general/retail/route";
import { POST as ordersRoute } from "@/app/api/orders/route";
import { POST as orderStatusRoute } from "@/app/api/orders/status/route";
import { POST as redeemRoute } from "@/app/api/offers/redeem/route";
import { freshGtin, makeCampaign, phoneUser, shoeCode } from "@/tests/helpers/scans-kit";
import { makeClient, makeLevel, makePoint } from "@/tests/helpers/loyalty-kit";
import { ensureStatuses, freshUuid } from "@/tests/helpers/orders-kit";
import { makeOffer } from "@/tests/helpers/offers-kit";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Endpoint = {
  name: string;
  path: string;
  handler: Handler;
  /** Valid credentials. */
  auth: Record<string, string>;
  /** The same request with `key` presented instead (null: no key at all). */
  wrongAuth: (key: string | null) => Record<string, string>;
  /** A fresh valid body: accepted with 200 every time it is sent. */
  valid: () => Record<string, unknown>;
  /** Top-level fields a caller can get wrong (including optional ones). */
  fields: string[];
  /** "fields": errors are `{field: message}` (loyalty API); "default": `{success:false, error:{code, fields}}`. */
  errorFormat: "fields" | "default";
  answer?: z.ZodType;
};

export const uid = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

/** Creates the fixtures (keys, a campaign, a loyalty client, statuses, an order, an offer) and the catalogue. */
export async function publicEndpoints(): Promise<Endpoint[]> {
  const webhookKey = uid("reliability-webhook-key");
  await ensureImshopSettings();
  await prisma.imshopSettings.update({
    where: { id: 1 },
    data: { inboundKeyHash: sha256Hex(webhookKey), inboundKeyPreviousHash: null, allowedIps: [] },
  });
  invalidateImshopSettings();
  const apiKey = uid("reliability-api-key");
  await prisma.apiKey.create({
    data: { name: uid("reliability"), prefix: apiKey.slice(0, 8), hash: sha256Hex(apiKey), scopes: ["loyalty", "orders", "offers"] },
  });

  const gtin = freshGtin();
  await makeCampaign({ gtins: [gtin], autoApprove: true, bonusPoints: 10 });
  const point = await makePoint();
  const level = await makeLevel({ percent: 5, maxSpendPercent: 50 });
  const client = await makeClient({ levelId: level.id, balance: 1_000_000_000 });
  await ensureStatuses();
  const order = await prisma.order.create({
    data: { internalId: uid("REL"), uuid: freshUuid(), statusCode: "new", orderCreatedAt: new Date() },
  });
  const offer = await makeOffer({ promocode: "RELIABLE" });

  const imshop = { authorization: `Bearer ${webhookKey}` };
  const imshopWrong = (key: string | null): Record<string, string> => (key === null ? {} : { authorization: `Bearer ${key}` });
  const till = { apikey: apiKey };
  const tillWrong = (key: string | null): Record<string, string> => (key === null ? {} : { apikey: key });
  const webhook = { auth: imshop, wrongAuth: imshopWrong, errorFormat: "default" as const };
  const loyalty = { auth: till, wrongAuth: tillWrong, errorFormat: "fields" as const };
  const merchant = { auth: till, wrongAuth: tillWrong, errorFormat: "default" as const };

  return [
    {
      name: "IMSHOP scans",
      path: "/api/imshop/scans",
      handler: scansRoute,
      ...webhook,
      valid: () => ({ barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: now(), data: { city: "Москва" } }),
      fields: ["barcode", "userId", "timestamp", "data"],
      answer: scanAnswerSchema,
    },
    {
      name: "IMSHOP scans/history",
      path: "/api/imshop/scans/history",
      handler: historyRoute,
      ...webhook,
      valid: () => ({ userId: phoneUser() }),
      fields: ["userId"],
      answer: scanHistoryAnswerSchema,
    },
    {
      name: "IMSHOP offers",
      path: "/api/imshop/offers",
      handler: offersRoute,
      ...webhook,
      valid: () => ({ userId: uid("user"), segments: [{ id: "REL-SEG", name: "Reliability" }] }),
      fields: ["userId", "segments"],
      answer: offersResponseSchema,
    },
    {
      name: "IMSHOP orders/cancel",
      path: "/api/imshop/orders/cancel",
      handler: cancelRoute,
      ...webhook,
      // An order nobody has: a well-formed request answered success:false, writing nothing.
      valid: () => ({ uuid: freshUuid(), internalId: uid("NOPE"), reason: "Передумал" }),
      fields: ["uuid", "internalId", "reason", "id", "status"],
    },
    {
      name: "loyalty client",
      path: "/integration/general/client",
      handler: clientRoute,
      ...loyalty,
      valid: () => ({ search: client.phone, point: point.id }),
      fields: ["search", "point", "hold"],
    },
    {
      name: "loyalty recalc",
      path: "/integration/general/recalc",
      handler: recalcRoute,
      ...loyalty,
      valid: () => ({ client: client.id, point: point.id, amount: 123.45 }),
      fields: ["client", "point", "amount", "hold"],
    },
    {
      name: "loyalty bonuses/hold",
      path: "/integration/general/bonuses/hold",
      handler: holdRoute,
      ...loyalty,
      valid: () => ({ client: client.id, point: point.id, amount: 1, duration: 1 }),
      fields: ["client", "point", "amount", "duration"],
    },
    {
      name: "loyalty bonuses/release",
      path: "/integration/general/bonuses/release",
      handler: releaseRoute,
      ...loyalty,
      valid: () => ({ id: uid("no-such-hold") }),
      fields: ["id"],
    },
    {
      name: "loyalty retail",
      path: "/integration/general/retail",
      handler: retailRoute,
      ...loyalty,
      valid: () => ({ client: client.id, point: point.id, amount: 10, spend: 0 }),
      fields: ["client", "point", "amount", "spend", "hold"],
    },
    {
      name: "merchant orders",
      path: "/api/orders",
      handler: ordersRoute,
      ...merchant,
      valid: () => ({
        internalId: uid("REL"),
        uuid: freshUuid(),
        userId: phoneUser(),
        total: 1234.5,
        itemsSummary: "Кеды × 1",
        createdAt: now(),
        code: "new",
        message: "Заказ принят",
        trackingUrl: "https://track.example/1",
      }),
      fields: ["uuid", "internalId", "userId", "total", "itemsSummary", "createdAt", "code", "message", "trackingUrl"],
    },
    {
      name: "merchant orders/status",
      path: "/api/orders/status",
      handler: orderStatusRoute,
      ...merchant,
      valid: () => ({ id: order.internalId, code: "confirmed", message: "Подтверждён" }),
      fields: ["id", "code", "message", "trackingUrl"],
    },
    {
      name: "merchant offers/redeem",
      path: "/api/offers/redeem",
      handler: redeemRoute,
      ...merchant,
      valid: () => ({ offerId: offer.id, userId: uid("user"), code: "RELIABLE" }),
      fields: ["offerId", "userId", "code"],
    },
  ];
}

/** The field names a 4xx answer points at, in either error format. */
export function namedFields(endpoint: Endpoint, json: unknown): string[] {
  if (!json || typeof json !== "object") return [];
  if (endpoint.errorFormat === "fields") return Object.keys(json);
  const fields = (json as { error?: { fields?: Record<string, string> } }).error?.fields;
  return fields ? Object.keys(fields) : [];
}

/** The error code of a default-format answer ("validation", "conflict", …). */
export const errorCode = (json: unknown) => (json as { error?: { code?: string } } | null)?.error?.code;
