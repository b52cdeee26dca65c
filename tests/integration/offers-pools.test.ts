import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { assignPoolCodes } from "@/lib/offers/assign-pool-codes";
import { importOfferCodes } from "@/lib/offers/import-offer-codes";
import { updateOffer } from "@/lib/offers/save-offer";
import { OfferRuleError } from "@/lib/offers/offer-errors";
import { actor, askOffers, makeOffer, setWebhookKey, uid } from "@/tests/helpers/offers-kit";

beforeAll(setWebhookKey);

async function poolOffer(codes: string[], patch: Parameters<typeof makeOffer>[0] = {}) {
  const offer = await makeOffer({ promocodeMode: "pool", promocode: null, ...patch });
  if (codes.length) await importOfferCodes({ actor, offerId: offer.id, csv: ["code", ...codes].join("\n") });
  return offer;
}

const codeFor = async (offerId: string, userId: string) =>
  (await askOffers({ userId, segments: [] })).offers.find((o) => o.id === offerId)?.promocode;

describe("code pools", () => {
  it("gives each user their own code and the same one on every request", async () => {
    const codes = [uid("A"), uid("B"), uid("C")];
    const offer = await poolOffer(codes);
    const [u1, u2] = [uid("user"), uid("user")];
    const first = await codeFor(offer.id, u1);
    const second = await codeFor(offer.id, u2);
    expect(codes).toContain(first);
    expect(codes).toContain(second);
    expect(first).not.toBe(second);
    expect(await codeFor(offer.id, u1)).toBe(first);
    expect(await codeFor(offer.id, u2)).toBe(second);
    const held = await prisma.offerCode.findMany({ where: { offerId: offer.id, assignedUserId: { not: null } } });
    expect(held).toHaveLength(2);
  });

  it("agrees on one code when the same user asks many times at once", async () => {
    const codes = Array.from({ length: 10 }, () => uid("P"));
    const offer = await poolOffer(codes);
    const user = uid("user");
    const answers = await Promise.all(Array.from({ length: 8 }, () => codeFor(offer.id, user)));
    expect(new Set(answers).size).toBe(1);
    expect(await prisma.offerCode.count({ where: { offerId: offer.id, assignedUserId: { not: null } } })).toBe(1);
  });

  it("makes a second request of the same user wait for the first one's code instead of taking another", async () => {
    const offer = await poolOffer([uid("W1"), uid("W2"), uid("W3")]);
    const user = uid("user");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first hand-out stays uncommitted while the second starts.
    const first = prisma.$transaction(async (tx) => {
      const got = await assignPoolCodes({ userId: user, offerIds: [offer.id], tx });
      await held;
      return got.get(offer.id);
    });
    await new Promise((r) => setTimeout(r, 200));
    const second = assignPoolCodes({ userId: user, offerIds: [offer.id] }).then((m) => m.get(offer.id));
    await new Promise((r) => setTimeout(r, 200));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBeTruthy();
    expect(b).toBe(a);
    expect(await prisma.offerCode.count({ where: { offerId: offer.id, assignedUserId: user } })).toBe(1);
  });

  it("never gives one code to two users asking at once", async () => {
    const codes = Array.from({ length: 6 }, () => uid("Q"));
    const offer = await poolOffer(codes);
    const users = Array.from({ length: 6 }, () => uid("user"));
    const answers = await Promise.all(users.map((u) => codeFor(offer.id, u)));
    expect(new Set(answers).size).toBe(6);
    expect(answers.every((a) => a && codes.includes(a))).toBe(true);
  });

  it("leaves the offer out for new users once the pool is exhausted, keeping it for holders", async () => {
    const offer = await poolOffer([uid("ONLY")]);
    const holder = uid("holder");
    const code = await codeFor(offer.id, holder);
    expect(code).toBeTruthy();
    expect(await codeFor(offer.id, uid("latecomer"))).toBeUndefined();
    expect(await codeFor(offer.id, holder)).toBe(code);
  });

  it("leaves out a pool offer with no codes at all", async () => {
    const offer = await poolOffer([]);
    expect(await codeFor(offer.id, uid("user"))).toBeUndefined();
  });
});

describe("code pool import", () => {
  it("adds new codes, skips duplicates, and on replace keeps codes already handed out", async () => {
    const offer = await poolOffer(["K1-" + uid("x"), "K2-" + uid("x")]);
    const held = await codeFor(offer.id, uid("user"));
    const fresh = uid("NEW");
    const again = await importOfferCodes({ actor, offerId: offer.id, csv: `${held}\n${fresh}\n${fresh}\n` });
    expect(again).toMatchObject({ added: 1, duplicates: 2, total: 3 });
    const replaced = await importOfferCodes({ actor, offerId: offer.id, csv: uid("R"), replace: true });
    expect(replaced).toMatchObject({ added: 1, removed: 2, total: 2 });
    const left = await prisma.offerCode.findMany({ where: { offerId: offer.id }, select: { code: true } });
    expect(left.map((c) => c.code)).toContain(held);
    const audit = await prisma.auditLog.findFirst({ where: { entityId: offer.id, action: "offer.import_codes" }, orderBy: { id: "desc" } });
    expect(audit?.after).toMatchObject({ added: 1, removed: 2, replace: true });
  });

  it("refuses a file with codes the offer's barcode cannot carry, naming the lines, and imports nothing", async () => {
    const offer = await poolOffer([], { barcodeType: "ean13" });
    const attempt = importOfferCodes({ actor, offerId: offer.id, csv: "code\n4601234567893\nABC\n4601234567890\n" });
    await expect(attempt).rejects.toThrow(/line 3: EAN-13.*line 4: .*check digit/i);
    expect(await prisma.offerCode.count({ where: { offerId: offer.id } })).toBe(0);
  });

  it("refuses importing codes into a shared-code offer", async () => {
    const offer = await makeOffer();
    await expect(importOfferCodes({ actor, offerId: offer.id, csv: "X1" })).rejects.toMatchObject({ key: "notPool" });
  });

  it("refuses switching a pool to a barcode type its codes do not fit", async () => {
    const offer = await poolOffer(["NOT-DIGITS"]);
    const change = updateOffer({ actor, offerId: offer.id, input: { ...offer, startsAt: null, expiresAt: null, barcodeType: "ean13" } });
    await expect(change).rejects.toBeInstanceOf(OfferRuleError);
    await expect(change).rejects.toMatchObject({ key: "codesNotEncodable" });
  });
});
