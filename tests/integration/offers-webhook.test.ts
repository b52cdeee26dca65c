import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { setOfferActive } from "@/lib/offers/set-offer-active";
import { POST as offersWebhook } from "@/app/api/imshop/offers/route";
import { callRoute } from "@/tests/helpers/call-route";
import { actor, askOffers, hour, ids, makeOffer, makeSegment, setWebhookKey, uid, webhookAuth, WEBHOOK_KEY } from "@/tests/helpers/offers-kit";

beforeAll(setWebhookKey);

describe("POST /api/imshop/offers: targeting", () => {
  it("returns offers for everyone, for the user's segments and for the user, and no others", async () => {
    const [segA, segB] = [await makeSegment("A"), await makeSegment("B")];
    const user = uid("user");
    const everyone = await makeOffer();
    const inA = await makeOffer({ targeting: "segments", segmentIds: [segA] });
    const inB = await makeOffer({ targeting: "segments", segmentIds: [segB] });
    const inAandB = await makeOffer({ targeting: "segments", segmentIds: [segA, segB] });
    const forUser = await makeOffer({ targeting: "users" });
    await prisma.offerUser.createMany({ data: [{ offerId: forUser.id, userId: user }] });
    const forOther = await makeOffer({ targeting: "users" });
    await prisma.offerUser.createMany({ data: [{ offerId: forOther.id, userId: uid("other") }] });

    const got = ids(await askOffers({ userId: user, segments: [{ id: segA, name: "A" }] }));
    expect(got).toEqual(expect.arrayContaining([everyone.id, inA.id, inAandB.id, forUser.id]));
    expect(got).not.toContain(inB.id);
    expect(got).not.toContain(forOther.id);
    // The offer in both segments is listed once.
    expect(got.filter((id) => id === inAandB.id)).toHaveLength(1);

    const stranger = ids(await askOffers({ userId: uid("stranger"), segments: [] }));
    expect(stranger).toContain(everyone.id);
    expect(stranger).not.toContain(inA.id);
    expect(stranger).not.toContain(forUser.id);
  });

  it("answers each offer in the contract's shape with the offer's settings", async () => {
    const expires = new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * 24 * hour);
    const offer = await makeOffer({ name: "Скидка 1000 рублей", description: "До 31 августа", promocode: "HUGO1000", barcodeType: "qr", online: true, offline: false, expiresAt: expires });
    const res = await askOffers({ userId: uid("user"), segments: [] });
    expect(res.offers.find((o) => o.id === offer.id)).toEqual({
      id: offer.id,
      name: "Скидка 1000 рублей",
      description: "До 31 августа",
      promocode: "HUGO1000",
      barcodeType: "qr",
      online: true,
      offline: false,
      used: false,
      expirationTimestamp: Math.floor(expires.getTime() / 1000),
    });
  });

  it("takes the key from the body too, and accepts a numeric userId", async () => {
    const offer = await makeOffer();
    const res = await askOffers({ key: WEBHOOK_KEY, userId: 1234567890, segments: [] }, {});
    expect(ids(res)).toContain(offer.id);
  });
});

describe("POST /api/imshop/offers: timing and the active switch", () => {
  it("leaves out expired offers, keeps future and never-expiring ones (expirationTimestamp null)", async () => {
    const past = await makeOffer({ expiresAt: new Date(Date.now() - hour) });
    const future = await makeOffer({ expiresAt: new Date(Date.now() + hour) });
    const never = await makeOffer({ expiresAt: null });
    const res = await askOffers({ userId: uid("user"), segments: [] });
    expect(ids(res)).not.toContain(past.id);
    expect(res.offers.find((o) => o.id === future.id)?.expirationTimestamp).toBe(Math.floor(new Date(future.expiresAt!).getTime() / 1000));
    expect(res.offers.find((o) => o.id === never.id)?.expirationTimestamp).toBeNull();
  });

  it("leaves out offers that have not started, and shows started ones", async () => {
    const later = await makeOffer({ startsAt: new Date(Date.now() + hour) });
    const started = await makeOffer({ startsAt: new Date(Date.now() - hour), expiresAt: new Date(Date.now() + hour) });
    const got = ids(await askOffers({ userId: uid("user"), segments: [] }));
    expect(got).not.toContain(later.id);
    expect(got).toContain(started.id);
  });

  it("leaves out inactive offers until they are switched back on", async () => {
    const offer = await makeOffer({ active: false });
    const user = uid("user");
    expect(ids(await askOffers({ userId: user, segments: [] }))).not.toContain(offer.id);
    await setOfferActive({ actor, offerId: offer.id, active: true });
    expect(ids(await askOffers({ userId: user, segments: [] }))).toContain(offer.id);
    await setOfferActive({ actor, offerId: offer.id, active: false });
    expect(ids(await askOffers({ userId: user, segments: [] }))).not.toContain(offer.id);
  });
});

describe("POST /api/imshop/offers: segments", () => {
  it("records unknown segments with their names, and touches known ones without renaming an admin's", async () => {
    const unknownId = uid("PEREKRESTOR-BUYER");
    const known = await makeSegment("Admin's own name");
    await prisma.segment.update({ where: { id: known }, data: { lastSeenAt: null } });
    await askOffers({
      userId: uid("user"),
      segments: [
        { id: unknownId, name: "Пользователи, установившие приложение по флаеру в Перекрестке" },
        { id: unknownId, name: "Duplicate in one request" },
        { id: known, name: "IMSHOP's name" },
      ],
    });
    const created = await prisma.segment.findUniqueOrThrow({ where: { id: unknownId } });
    expect(created).toMatchObject({ name: "Пользователи, установившие приложение по флаеру в Перекрестке", source: "imshop" });
    expect(created.lastSeenAt).toBeInstanceOf(Date);
    const touched = await prisma.segment.findUniqueOrThrow({ where: { id: known } });
    expect(touched).toMatchObject({ name: "Admin's own name", source: "admin" });
    expect(touched.lastSeenAt).toBeInstanceOf(Date);
  });

  it("makes a recorded segment targetable at once, and keeps IMSHOP's renames of its own segments", async () => {
    const segmentId = uid("SALES");
    const user = uid("user");
    await askOffers({ userId: user, segments: [{ id: segmentId, name: "Sales" }] });
    const offer = await makeOffer({ targeting: "segments", segmentIds: [segmentId] });
    // Pretend a minute passed, so the next sighting is written.
    await prisma.segment.update({ where: { id: segmentId }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    const res = await askOffers({ userId: user, segments: [{ id: segmentId, name: "Only sales buyers" }] });
    expect(ids(res)).toContain(offer.id);
    expect((await prisma.segment.findUniqueOrThrow({ where: { id: segmentId } })).name).toBe("Only sales buyers");
  });

  it("uses the id as the name when IMSHOP sends none", async () => {
    const segmentId = uid("NONAME");
    await askOffers({ userId: uid("user"), segments: [{ id: segmentId }] });
    expect((await prisma.segment.findUniqueOrThrow({ where: { id: segmentId } })).name).toBe(segmentId);
  });
});

describe("POST /api/imshop/offers: bad input", () => {
  const post = (opts: Parameters<typeof callRoute>[1]) => callRoute(offersWebhook, { headers: webhookAuth, ...opts });

  it("refuses a missing userId naming the field", async () => {
    const res = await post({ body: { segments: [] } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toHaveProperty("userId");
  });

  it("refuses segments that are not an array, and a segment without an id", async () => {
    const notArray = await post({ body: { userId: "u", segments: "SALES" } });
    expect(notArray.status).toBe(422);
    expect(notArray.json.error.fields).toHaveProperty("segments");
    const noId = await post({ body: { userId: "u", segments: [{ name: "x" }] } });
    expect(noId.status).toBe(422);
    expect(noId.json.error.fields).toHaveProperty(["segments.0.id"]);
  });

  it("refuses malformed JSON with 400 and an oversized body with 413", async () => {
    const malformed = await post({ rawBody: '{"userId": "u", ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields).toHaveProperty("body");
    const big = await post({ body: { userId: "u", segments: [], padding: "x".repeat(70 * 1024) } });
    expect(big.status).toBe(413);
  });

  it("answers 401 to a wrong or missing key, even with a broken body, and records nothing", async () => {
    const segmentId = uid("SNEAKY");
    const wrong = await callRoute(offersWebhook, { body: { userId: "u", segments: [{ id: segmentId, name: "x" }] }, headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    expect(await prisma.segment.findUnique({ where: { id: segmentId } })).toBeNull();
    expect((await callRoute(offersWebhook, { body: { userId: "u" } })).status).toBe(401);
    expect((await callRoute(offersWebhook, { rawBody: "{oops", headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });

  it("ignores unknown extra fields", async () => {
    const res = await askOffers({ userId: uid("user"), segments: [{ id: uid("S"), name: "n", extra: 1 }], somethingNew: true });
    expect(Array.isArray(res.offers)).toBe(true);
  });
});
