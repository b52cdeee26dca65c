import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { holdBonuses } from "@/lib/loyalty/hold-bonuses";
import { ledgerSum, makePoint, setting } from "@/tests/helpers/loyalty-kit";

const seconds = () => Math.floor(Date.now() / 1000);

describe("loyalty holds", () => {
  it("lasts 10 minutes by default, and the duration may be 1 to 30 minutes", async () => {
    const { point, client, api } = await setting({ balance: 1000 });
    const t0 = seconds();
    const one = await api.hold({ client: client.id, point: point.id, amount: 1, duration: 1 });
    expect(one.json.held.until - t0).toBeGreaterThanOrEqual(59);
    expect(one.json.held.until - seconds()).toBeLessThanOrEqual(60);
    const thirty = await api.hold({ client: client.id, point: point.id, amount: 1, duration: 30 });
    expect(thirty.json.held.until - t0).toBeGreaterThanOrEqual(1799);
    expect(thirty.json.held.until - seconds()).toBeLessThanOrEqual(1800);

    for (const duration of [0, 31, 2.5, "10"]) {
      const res = await api.hold({ client: client.id, point: point.id, amount: 1, duration });
      expect(res.status, String(duration)).toBe(422);
      expect(Object.keys(res.json)).toEqual(["duration"]);
    }
    expect((await api.hold({ client: client.id, point: point.id, amount: 0 })).json).toEqual({ amount: "Must be at least 1" });
    const stored = await prisma.hold.findUniqueOrThrow({ where: { id: one.json.held.id } });
    expect(Math.floor(stored.until.getTime() / 1000)).toBe(one.json.held.until);
  });

  it("refuses to hold more than the available balance, counting the other active holds", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    expect((await api.hold({ client: client.id, point: point.id, amount: 101 })).json).toEqual({ amount: "Amount can't be more 100" });
    expect((await api.hold({ client: client.id, point: point.id, amount: 70 })).status).toBe(200);
    const second = await api.hold({ client: client.id, point: point.id, amount: 31 });
    expect([second.status, second.json]).toEqual([422, { amount: "Amount can't be more 30" }]);
    expect(await prisma.hold.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("expires by itself: a hold past its `until` no longer reserves anything", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    const held = await api.hold({ client: client.id, point: point.id, amount: 80, duration: 1 });
    expect((await api.client({ search: client.phone, point: point.id })).json.client.balance).toBe(20);
    await prisma.hold.update({ where: { id: held.json.held.id }, data: { until: new Date(Date.now() - 1000) } });
    expect((await api.client({ search: client.phone, point: point.id })).json.client.balance).toBe(100);
    expect((await api.retail({ client: client.id, point: point.id, amount: 100, spend: 100 })).status).toBe(200);
    // The expired hold keeps its natural end rather than being marked as used by the purchase.
    expect((await prisma.hold.findUniqueOrThrow({ where: { id: held.json.held.id } })).releasedAt).toBeNull();
  });

  it("uses the clock it is given: the hold counts until `until` and not a second after", async () => {
    const { point, client } = await setting({ balance: 50 });
    const now = new Date("2030-01-01T12:00:00Z");
    const held = await holdBonuses({ clientId: client.id, pointId: point.id, amount: 50, durationMinutes: 10, allowed: null, now });
    expect(held.until).toBe(Math.floor(now.getTime() / 1000) + 600);
    const { getBalance } = await import("@/lib/loyalty/get-balance");
    expect((await getBalance({ clientId: client.id, now: new Date(held.until * 1000 - 1) })).available).toBe(0);
    expect((await getBalance({ clientId: client.id, now: new Date(held.until * 1000) })).available).toBe(50);
  });

  it("is released manually; release answers success for unknown and already released ids", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    const held = await api.hold({ client: client.id, point: point.id, amount: 100 });
    expect((await api.release({ id: held.json.held.id })).json).toStrictEqual({ success: true });
    const hold = await prisma.hold.findUniqueOrThrow({ where: { id: held.json.held.id } });
    expect(hold.releaseReason).toBe("manual");
    expect((await api.client({ search: client.phone, point: point.id })).json.client.balance).toBe(100);
    expect((await api.release({ id: held.json.held.id })).json).toStrictEqual({ success: true });
    expect((await api.release({ id: "never-existed" })).json).toStrictEqual({ success: true });
  });

  it("a new operation at a point releases the client's holds at that point only", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    const other = await makePoint();
    const here = await api.hold({ client: client.id, point: point.id, amount: 30 });
    const there = await api.hold({ client: client.id, point: other.id, amount: 20 });
    const retail = await api.retail({ client: client.id, point: point.id, amount: 10, spend: 0 });
    expect(retail.json.retail.earn).toBe(1);
    const [h1, h2] = await Promise.all([
      prisma.hold.findUniqueOrThrow({ where: { id: here.json.held.id } }),
      prisma.hold.findUniqueOrThrow({ where: { id: there.json.held.id } }),
    ]);
    expect(h1.releaseReason).toBe("operation");
    expect(h2.releasedAt).toBeNull();
    expect((await api.client({ search: client.phone, point: point.id })).json.client.balance).toBe(81);
  });

  it("counts back only the client's own holds named in `hold`", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    const stranger = await setting({ balance: 100 });
    const foreign = await stranger.api.hold({ client: stranger.client.id, point: stranger.point.id, amount: 100 });
    await api.hold({ client: client.id, point: point.id, amount: 40 });
    const res = await api.client({ search: client.phone, point: point.id, hold: [foreign.json.held.id, "unknown"] });
    expect(res.json.client.balance).toBe(60);
    // Spending cannot use held points unless the hold is named.
    const spend = await api.retail({ client: client.id, point: point.id, amount: 100, spend: 100, hold: [foreign.json.held.id] });
    expect([spend.status, spend.json]).toEqual([422, { spend: "Spend can't be more 60" }]);
    expect(await ledgerSum(client.id)).toBe(100);
  });
});
