// Set-up shared by the offers integration tests: the IMSHOP key, an offers API key, and offers with
// unique ids so each test owns its data in the shared per-run database.
import { expect } from "vitest";
import { prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { createOffer } from "@/lib/offers/save-offer";
import { createSegment } from "@/lib/offers/save-segment";
import { offersResponseSchema, type OfferInput, type OffersResponse } from "@/lib/offers/offers.schema";
import { POST as offersWebhook } from "@/app/api/imshop/offers/route";
import { callRoute } from "@/tests/helpers/call-route";
import { setImshopInboundKey } from "@/tests/helpers/imshop-inbound-key";
import { uid } from "@/tests/helpers/uid";

export { uid };

export const WEBHOOK_KEY = "imshop-inbound-offers-test-key";
export const webhookAuth = { authorization: `Bearer ${WEBHOOK_KEY}` };
export const actor = { id: null, label: "offers-test" };

export const setWebhookKey = () => setImshopInboundKey(WEBHOOK_KEY);

/** An API key for merchant systems with the given scopes; returns the key as presented. */
export async function makeApiKey(scopes: string[] = ["offers"]): Promise<string> {
  const key = uid("offers-api-key");
  await prisma.apiKey.create({ data: { name: uid("merchant"), prefix: key.slice(0, 8), hash: sha256Hex(key), scopes } });
  return key;
}

export async function makeSegment(name = "Test segment"): Promise<string> {
  const id = uid("SEG");
  await createSegment({ actor, input: { id, name } });
  return id;
}

/** A shared-code offer for everyone unless `patch` says otherwise; dates may be Date objects. */
export async function makeOffer(patch: Partial<Omit<OfferInput, "startsAt" | "expiresAt">> & { startsAt?: Date | null; expiresAt?: Date | null } = {}) {
  const id = patch.id ?? uid("OFFER");
  const { startsAt, expiresAt, ...rest } = patch;
  return createOffer({
    actor,
    input: {
      name: `Offer ${id}`,
      description: "Test offer",
      promocodeMode: "shared",
      promocode: `CODE${id.slice(-6).toUpperCase()}`,
      barcodeType: "code128",
      online: true,
      offline: true,
      targeting: "everyone",
      ...rest,
      id,
      startsAt: startsAt ? startsAt.toISOString() : null,
      expiresAt: expiresAt ? expiresAt.toISOString() : null,
    },
  });
}

/** Calls the webhook and checks the answer against the contract's schema before returning it. */
export async function askOffers(body: unknown, headers: Record<string, string> = webhookAuth): Promise<OffersResponse> {
  const res = await callRoute(offersWebhook, { body, headers });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return offersResponseSchema.parse(res.json);
}

export const ids = (r: OffersResponse) => r.offers.map((o) => o.id);
export const hour = 3600_000;
