import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { freshPhone, ledgerSum, makeApiKey, makeClient, makeLevel, makePoint, setting, till } from "@/tests/helpers/loyalty-kit";

// Seed 002, in the order it says tills must call: client → recalc → hold → retail → release.
describe("loyalty API: the seed's order, field by field", () => {
  it("finds the client, recalculates, holds, spends with the hold counted back, and releases", async () => {
    const { point, level, client, api } = await setting({ balance: 878, percent: 10, maxSpendPercent: 100 });

    const found = await api.client({ search: client.phone, point: point.id });
    expect(found.status).toBe(200);
    expect(found.json).toStrictEqual({
      success: true,
      client: {
        id: client.id,
        name: "ИВАН",
        photo: "https://example.com/ivan.jpeg",
        birthday: "2021-03-29",
        level: { id: level.id, title: level.title, percent: 10, type: "cashback", maxSpendPercent: 100 },
        phone: Number(client.phone),
        email: "mail@example.com",
        balance: 878,
      },
    });
    expect(typeof found.json.client.phone).toBe("number");

    const recalc = await api.recalc({ client: client.id, point: point.id, amount: 100 });
    expect(recalc.status).toBe(200);
    expect(recalc.json).toStrictEqual({ success: true, recalc: { amount: 100, percent: 10, type: "cashback", spend: 100, earn: 10 } });

    const before = Math.floor(Date.now() / 1000);
    const hold = await api.hold({ client: client.id, point: point.id, amount: 100 });
    expect(hold.status).toBe(200);
    expect(Object.keys(hold.json)).toEqual(["success", "held"]);
    expect(hold.json.success).toBe(true);
    expect(Object.keys(hold.json.held).sort()).toEqual(["amount", "id", "until"]);
    expect(hold.json.held.amount).toBe(100);
    expect(typeof hold.json.held.id).toBe("string");
    expect(Number.isInteger(hold.json.held.until)).toBe(true);
    expect(hold.json.held.until).toBeGreaterThanOrEqual(before + 600);
    expect(hold.json.held.until).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 600);
    const holdId: string = hold.json.held.id;

    // The hold reserves its points, unless the till names it.
    expect((await api.client({ search: client.phone, point: point.id })).json.client.balance).toBe(778);
    expect((await api.client({ search: client.phone, point: point.id, hold: [holdId] })).json.client.balance).toBe(878);
    expect((await api.recalc({ client: client.id, point: point.id, amount: 1000 })).json.recalc.spend).toBe(778);
    expect((await api.recalc({ client: client.id, point: point.id, amount: 1000, hold: [holdId] })).json.recalc.spend).toBe(878);

    const retail = await api.retail({ client: client.id, point: point.id, amount: 100, spend: 100, hold: [holdId] });
    expect(retail.status).toBe(200);
    expect(retail.json).toStrictEqual({ success: true, retail: { amount: 100, total: 0, percent: 10, type: "cashback", spend: 100 } });
    expect(await ledgerSum(client.id)).toBe(778);
    const used = await prisma.hold.findUniqueOrThrow({ where: { id: holdId } });
    expect(used.releaseReason).toBe("operation");

    const release = await api.release({ id: holdId });
    expect(release.status).toBe(200);
    expect(release.json).toStrictEqual({ success: true });
    expect((await api.client({ search: client.phone, point: point.id })).json.client.balance).toBe(778);
  });

  it("earns when nothing is spent: total = amount, earn = floor(amount × percent / 100)", async () => {
    const { point, client, api } = await setting({ balance: 0, percent: 5 });
    const retail = await api.retail({ client: client.id, point: point.id, amount: 199.99, spend: 0 });
    expect(retail.status).toBe(200);
    expect(retail.json).toStrictEqual({ success: true, retail: { amount: 199.99, total: 199.99, percent: 5, type: "cashback", earn: 9 } });
    expect(await ledgerSum(client.id)).toBe(9);
    const op = await prisma.operation.findFirstOrThrow({ where: { clientId: client.id } });
    expect(op).toMatchObject({ amountKopecks: 19999, totalKopecks: 19999, spend: 0, earn: 9, percent: 5, type: "cashback", pointId: point.id });
  });

  it("pays part of a check with points: total = amount − spend, nothing earned", async () => {
    const { point, client, api } = await setting({ balance: 500, percent: 10, maxSpendPercent: 50 });
    const retail = await api.retail({ client: client.id, point: point.id, amount: 250.5, spend: 125 });
    expect(retail.json).toStrictEqual({ success: true, retail: { amount: 250.5, total: 125.5, percent: 10, type: "cashback", spend: 125 } });
    expect(await ledgerSum(client.id)).toBe(375);
  });

  it("caps the spend by maxSpendPercent and by the balance", async () => {
    const { point, client, api } = await setting({ balance: 30, maxSpendPercent: 50 });
    expect((await api.recalc({ client: client.id, point: point.id, amount: 100 })).json.recalc.spend).toBe(30);
    expect((await api.recalc({ client: client.id, point: point.id, amount: 40 })).json.recalc.spend).toBe(20);
    expect((await api.recalc({ client: client.id, point: point.id, amount: 40.99 })).json.recalc.spend).toBe(20);
  });

  it("answers a discount level with balance 0, spend 0 and the discount", async () => {
    const point = await makePoint();
    const level = await makeLevel({ type: "discount", percent: 7 });
    const client = await makeClient({ levelId: level.id, balance: 300 });
    const api = till((await makeApiKey()).value);

    const found = await api.client({ search: client.phone, point: point.id });
    expect(found.json.client.balance).toBe(0);
    expect(found.json.client.level).toStrictEqual({ id: level.id, title: level.title, percent: 7, type: "discount", maxSpendPercent: 100 });

    const recalc = await api.recalc({ client: client.id, point: point.id, amount: 100 });
    expect(recalc.json).toStrictEqual({ success: true, recalc: { amount: 100, percent: 7, type: "discount", spend: 0, earn: 0, discount: 7 } });
    expect((await api.recalc({ client: client.id, point: point.id, amount: 99.99 })).json.recalc.discount).toBe(6.99);

    expect((await api.retail({ client: client.id, point: point.id, amount: 100, spend: 1 })).json).toStrictEqual({ spend: "Spend can't be more 0" });
    expect((await api.hold({ client: client.id, point: point.id, amount: 1 })).json).toStrictEqual({ amount: "Amount can't be more 0" });
    const retail = await api.retail({ client: client.id, point: point.id, amount: 100, spend: 0 });
    expect(retail.json).toStrictEqual({ success: true, retail: { amount: 100, total: 93, percent: 7, type: "discount", earn: 0, discount: 7 } });
    expect(await ledgerSum(client.id)).toBe(300);
  });
});

describe("loyalty API: finding a client", () => {
  it("reads the phone in any common Russian format", async () => {
    const { point, client, api } = await setting();
    const d = client.phone!.slice(1); // 10 digits after the 7
    const formats = [
      `+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
      `+7 (${d.slice(0, 3)}) ${d.slice(3)}`,
      `8${d}`,
      `8 ${d.slice(0, 3)} ${d.slice(3)}`,
      `7${d}`,
      d,
    ];
    for (const search of formats) {
      const res = await api.client({ search, point: point.id });
      expect(res.status, search).toBe(200);
      expect(res.json.client.id, search).toBe(client.id);
    }
    // Tills may send the phone as a JSON number, as the API answers it.
    expect((await api.client({ search: Number(client.phone), point: point.id })).json.client.id).toBe(client.id);
  });

  it("finds by card number and by app code", async () => {
    const point = await makePoint();
    const level = await makeLevel();
    const card = `CARD${Date.now()}`;
    const code = `APP-${Date.now()}`;
    const client = await makeClient({ levelId: level.id, cardNumber: card, appCode: code });
    const api = till((await makeApiKey()).value);
    expect((await api.client({ search: card, point: point.id })).json.client.id).toBe(client.id);
    expect((await api.client({ search: ` ${code} `, point: point.id })).json.client.id).toBe(client.id);
  });

  it("answers null for a client's missing fields", async () => {
    const point = await makePoint();
    const level = await makeLevel();
    const bare = await prisma.loyaltyClient.create({ data: { levelId: level.id, cardNumber: `BARE${Date.now()}` } });
    const api = till((await makeApiKey()).value);
    const res = await api.client({ search: bare.cardNumber, point: point.id });
    expect(res.json.client).toMatchObject({ name: null, photo: null, birthday: null, phone: null, email: null, balance: 0 });
  });
});

describe("loyalty API: the seed's errors", () => {
  it("422 {client} for an unknown client on every endpoint that takes one", async () => {
    const { point, api } = await setting();
    const notFound = { client: "Client not found." };
    const r1 = await api.client({ search: freshPhone(), point: point.id });
    expect([r1.status, r1.json]).toEqual([422, notFound]);
    const r2 = await api.recalc({ client: "nope", point: point.id, amount: 100 });
    expect([r2.status, r2.json]).toEqual([422, notFound]);
    const r3 = await api.hold({ client: "nope", point: point.id, amount: 1 });
    expect([r3.status, r3.json]).toEqual([422, notFound]);
    const r4 = await api.retail({ client: "nope", point: point.id, amount: 100, spend: 0 });
    expect([r4.status, r4.json]).toEqual([422, notFound]);
  });

  it("422 {point} for an unknown or inactive point", async () => {
    const { client, api } = await setting();
    const inactive = await makePoint({ active: false });
    for (const point of ["nope", inactive.id]) {
      const notFound = { point: "Point not found." };
      const r1 = await api.client({ search: client.phone, point });
      expect([r1.status, r1.json]).toEqual([422, notFound]);
      const r2 = await api.recalc({ client: client.id, point, amount: 100 });
      expect([r2.status, r2.json]).toEqual([422, notFound]);
      const r3 = await api.hold({ client: client.id, point, amount: 1 });
      expect([r3.status, r3.json]).toEqual([422, notFound]);
      const r4 = await api.retail({ client: client.id, point, amount: 100, spend: 0 });
      expect([r4.status, r4.json]).toEqual([422, notFound]);
    }
  });

  it("422 {spend} naming the allowed maximum, and nothing written", async () => {
    const { point, client, api } = await setting({ balance: 878, maxSpendPercent: 100 });
    const over = await api.retail({ client: client.id, point: point.id, amount: 100, spend: 101 });
    expect([over.status, over.json]).toEqual([422, { spend: "Spend can't be more 100" }]);
    const overBalance = await api.retail({ client: client.id, point: point.id, amount: 1000, spend: 879 });
    expect([overBalance.status, overBalance.json]).toEqual([422, { spend: "Spend can't be more 878" }]);
    expect(await ledgerSum(client.id)).toBe(878);
    expect(await prisma.operation.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("401 {apikey} for a missing, unknown, revoked or out-of-scope key — even with a broken body", async () => {
    const { point, client } = await setting();
    const revoked = await makeApiKey({ revoked: true });
    const ordersOnly = await makeApiKey({ scopes: ["orders"] });
    for (const key of [null, "ick_wrong", revoked.value, ordersOnly.value]) {
      const api = till(key);
      const res = await api.client({ search: client.phone, point: point.id });
      expect([res.status, res.json]).toEqual([401, { apikey: "Invalid API key." }]);
      const broken = await api.retail(undefined, { rawBody: "{not json" });
      expect([broken.status, broken.json]).toEqual([401, { apikey: "Invalid API key." }]);
    }
  });

  it("422 naming each field for malformed JSON, missing fields and wrong types; extra fields are ignored", async () => {
    const { point, client, api } = await setting();
    const malformed = await api.recalc(undefined, { rawBody: '{"client": ' });
    expect(malformed.status).toBe(422);
    expect(malformed.json).toEqual({ body: "Malformed JSON" });
    expect((await api.release(undefined, { rawBody: "" })).status).toBe(422);
    expect((await api.client([])).json).toEqual({ body: expect.any(String) });

    const wrong = await api.retail({ client: 5, point: point.id, amount: "100", spend: 1.5, hold: "x" });
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.json).sort()).toEqual(["amount", "client", "hold", "spend"]);
    expect(wrong.json.amount).toMatch(/number/);

    const missing = await api.recalc({});
    expect(missing.status).toBe(422);
    expect(missing.json).toEqual({ client: "Required", point: "Required", amount: "Required" });

    expect((await api.recalc({ client: client.id, point: point.id, amount: 10.005 })).json).toEqual({ amount: "At most 2 decimals" });
    expect((await api.recalc({ client: client.id, point: point.id, amount: -1 })).json).toEqual({ amount: "Must be more than 0" });
    expect((await api.retail({ client: client.id, point: point.id, amount: 10, spend: -1 })).json).toEqual({ spend: "Must not be negative" });
    expect((await api.release({})).json).toEqual({ id: "Required" });

    const extra = await api.recalc({ client: client.id, point: point.id, amount: 10, cashier: "Ольга", nested: { a: 1 } });
    expect(extra.status).toBe(200);
  });

  it("413 for a body over 64 KiB", async () => {
    const { point, client, api } = await setting();
    const res = await api.client({ search: client.phone, point: point.id, padding: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
  });
});

describe("loyalty API: keys bound to points", () => {
  it("acts for its own points and answers 422 {point} for the others", async () => {
    const { point, client } = await setting({ balance: 100 });
    const other = await makePoint();
    const bound = till((await makeApiKey({ pointIds: [point.id] })).value);
    expect((await bound.client({ search: client.phone, point: point.id })).status).toBe(200);
    const elsewhere = await bound.retail({ client: client.id, point: other.id, amount: 10, spend: 0 });
    expect([elsewhere.status, elsewhere.json]).toEqual([422, { point: "Point not found." }]);
    expect(await prisma.operation.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("cannot release or count back holds made at points it does not serve", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    const other = await makePoint();
    const held = await api.hold({ client: client.id, point: other.id, amount: 60 });
    const bound = till((await makeApiKey({ pointIds: [point.id] })).value);
    expect((await bound.client({ search: client.phone, point: point.id, hold: [held.json.held.id] })).json.client.balance).toBe(40);
    expect((await bound.release({ id: held.json.held.id })).json).toEqual({ success: true });
    const hold = await prisma.hold.findUniqueOrThrow({ where: { id: held.json.held.id } });
    expect(hold.releasedAt).toBeNull();
  });
});
