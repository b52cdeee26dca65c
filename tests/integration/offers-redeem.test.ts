import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { importOfferCodes } from "@/lib/offers/import-offer-codes";
import { redeemOffer } from "@/lib/offers/redeem-offer";
import { POST as redeemRoute } from "@/app/api/offers/redeem/route";
import { callRoute } from "@/tests/helpers/call-route";
import { actor, askOffers, hour, makeApiKey, makeOffer, setWebhookKey, uid } from "@/tests/helpers/offers-kit";

let apiKey: string;
beforeAll(async () => {
  await setWebhookKey();
  apiKey = await makeApiKey(["offers"]);
});

const redeemApi = (body: unknown, key = apiKey) => callRoute(redeemRoute, { body, headers: { apikey: key } });
const usedFlag = async (offerId: string, userId: string) =>
  (await askOffers({ userId, segments: [] })).offers.find((o) => o.id === offerId)?.used;

describe("POST /api/offers/redeem", () => {
  it("marks a shared-code offer used for that user only, idempotently", async () => {
    const offer = await makeOffer({ promocode: "SHARED100" });
    const [user, other] = [uid("user"), uid("user")];
    expect(await usedFlag(offer.id, user)).toBe(false);

    const res = await redeemApi({ offerId: offer.id, userId: user, code: "SHARED100" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, offerId: offer.id, userId: user, code: "SHARED100", used: true, alreadyRedeemed: false });
    expect(Number.isInteger(res.json.redeemedAt)).toBe(true);

    expect(await usedFlag(offer.id, user)).toBe(true);
    expect(await usedFlag(offer.id, other)).toBe(false);

    const again = await redeemApi({ offerId: offer.id, userId: user });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ alreadyRedeemed: true, redeemedAt: res.json.redeemedAt });
    expect(await prisma.offerRedemption.count({ where: { offerId: offer.id } })).toBe(1);
    const audit = await prisma.auditLog.findMany({ where: { entityId: offer.id, action: "offer.redeem" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorLabel).toMatch(/^API key: /);
  });

  it("refuses a code that is not the offer's", async () => {
    const offer = await makeOffer({ promocode: "RIGHT" });
    const res = await redeemApi({ offerId: offer.id, userId: uid("user"), code: "WRONG" });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toHaveProperty("code");
  });

  it("redeems a pool offer only with the code that user holds", async () => {
    const offer = await makeOffer({ promocodeMode: "pool", promocode: null });
    await importOfferCodes({ actor, offerId: offer.id, csv: `${uid("C1")}\n${uid("C2")}` });
    const [holder, other] = [uid("holder"), uid("other")];
    const held = (await askOffers({ userId: holder, segments: [] })).offers.find((o) => o.id === offer.id)!.promocode;
    const othersCode = (await askOffers({ userId: other, segments: [] })).offers.find((o) => o.id === offer.id)!.promocode;

    const stolen = await redeemApi({ offerId: offer.id, userId: holder, code: othersCode });
    expect(stolen.status).toBe(422);
    expect(stolen.json.error.fields).toHaveProperty("code");
    const noCodeYet = await redeemApi({ offerId: offer.id, userId: uid("nobody") });
    expect(noCodeYet.status).toBe(422);
    expect(noCodeYet.json.error.fields).toHaveProperty("userId");

    const ok = await redeemApi({ offerId: offer.id, userId: holder, code: held });
    expect(ok.status).toBe(200);
    expect(ok.json.code).toBe(held);
    const after = (await askOffers({ userId: holder, segments: [] })).offers.find((o) => o.id === offer.id);
    expect(after).toMatchObject({ used: true, promocode: held });
    expect(await usedFlag(offer.id, other)).toBe(false);
  });

  it("refuses offers that are not running, or not targeted at a listed user", async () => {
    const expired = await makeOffer({ expiresAt: new Date(Date.now() - hour) });
    expect((await redeemApi({ offerId: expired.id, userId: uid("user") })).status).toBe(422);
    const inactive = await makeOffer({ active: false });
    expect((await redeemApi({ offerId: inactive.id, userId: uid("user") })).status).toBe(422);
    const listed = await makeOffer({ targeting: "users" });
    const res = await redeemApi({ offerId: listed.id, userId: uid("not-listed") });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toHaveProperty("userId");
  });

  it("answers 404 for an unknown offer", async () => {
    const res = await redeemApi({ offerId: uid("NOPE"), userId: "u" });
    expect(res.status).toBe(404);
    expect(res.json.error.fields).toHaveProperty("offerId");
  });

  it("answers 401 to a missing, wrong, revoked or out-of-scope key, and changes nothing", async () => {
    const offer = await makeOffer();
    const body = { offerId: offer.id, userId: uid("user") };
    expect((await callRoute(redeemRoute, { body })).status).toBe(401);
    expect((await redeemApi(body, "wrong-key")).status).toBe(401);
    expect((await redeemApi(body, await makeApiKey(["loyalty"]))).status).toBe(401);
    const revoked = await makeApiKey(["offers"]);
    await prisma.apiKey.updateMany({ where: { hash: sha256Hex(revoked) }, data: { revokedAt: new Date() } });
    expect((await redeemApi(body, revoked)).status).toBe(401);
    const bearer = await callRoute(redeemRoute, { body, headers: { authorization: `Bearer ${apiKey}` } });
    expect(bearer.status).toBe(200);
    expect(await prisma.offerRedemption.count({ where: { offerId: offer.id } })).toBe(1);
  });

  it("names the field in bad input", async () => {
    const missing = await redeemApi({ userId: "u" });
    expect(missing.status).toBe(422);
    expect(missing.json.error.fields).toHaveProperty("offerId");
    const badCode = await redeemApi({ offerId: "X", userId: "u", code: 5 });
    expect(badCode.json.error.fields).toHaveProperty("code");
    expect((await callRoute(redeemRoute, { rawBody: "{", headers: { apikey: apiKey } })).status).toBe(400);
  });
});

describe("redeemOffer (the dashboard's use case)", () => {
  it("marks used, records the staff member, and is idempotent under concurrency", async () => {
    const offer = await makeOffer();
    const user = uid("user");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => redeemOffer({ offerId: offer.id, userId: user, source: "dashboard", actor: { id: null, label: "staff@example.com" } })),
    );
    expect(results.filter((r) => !r.alreadyRedeemed)).toHaveLength(1);
    expect(await usedFlag(offer.id, user)).toBe(true);
    const row = await prisma.offerRedemption.findFirstOrThrow({ where: { offerId: offer.id } });
    expect(row).toMatchObject({ userId: user, source: "dashboard" });
    expect(await prisma.auditLog.count({ where: { entityId: offer.id, action: "offer.redeem", actorLabel: "staff@example.com" } })).toBe(1);
  });

  it("still answers a repeat after the offer has expired", async () => {
    const offer = await makeOffer({ expiresAt: new Date(Date.now() + hour) });
    const user = uid("user");
    const first = await redeemOffer({ offerId: offer.id, userId: user, source: "dashboard", actor });
    const later = new Date(Date.now() + 2 * hour);
    const repeat = await redeemOffer({ offerId: offer.id, userId: user, source: "dashboard", actor, now: later });
    expect(repeat).toMatchObject({ alreadyRedeemed: true, code: first.code });
    await expect(redeemOffer({ offerId: offer.id, userId: uid("late"), source: "dashboard", actor, now: later })).rejects.toMatchObject({
      key: "offerNotCurrent",
    });
  });
});
