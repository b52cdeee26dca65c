import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { moderateScans } from "@/lib/scans/moderate-scan";
import { getOverview } from "@/lib/overview/overview.queries";
import { OVERVIEW_DAYS } from "@/lib/overview/overview.schema";
import { refreshOverview } from "@/lib/overview/refresh-overview";
import { callRoute } from "@/tests/helpers/call-route";
import { makeClient, makeLevel } from "@/tests/helpers/loyalty-kit";
import { auth, freshGtin, makeCampaign, phoneUser, setInboundKey, shoeCode } from "@/tests/helpers/scans-kit";

let ts = 1_770_000_000;
async function scan(gtin: string, userId: string) {
  const res = await callRoute(register, { body: { barcode: shoeCode(gtin).text, userId, timestamp: ++ts }, headers: auth });
  expect(res.status).toBe(200);
  return res.json.id as string;
}

/** Today's date in Moscow and the UTC instant its midnight falls on. */
function moscowToday(now = new Date()) {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(now);
  // Moscow has kept UTC+3 all year since 2014.
  return { day, midnight: new Date(`${day}T00:00:00+03:00`) };
}
const dayBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await setInboundKey();
});

describe("the overview", () => {
  it("buckets decisions by Moscow day, reads the snapshot until the worker refreshes it, and keeps the queue live", async () => {
    const { day: today, midnight } = moscowToday();
    const yesterday = dayBefore(today);
    const before = await refreshOverview();
    expect(before.days).toHaveLength(OVERVIEW_DAYS);
    expect(before.days.at(-1)?.day).toBe(today);
    const countOn = (s: typeof before, day: string) => s.days.find((d) => d.day === day)!;

    const gtin = freshGtin();
    const campaign = await makeCampaign({ gtins: [gtin], bonusPoints: 10 });
    const user = phoneUser();
    const [late, early, denied, waiting] = [await scan(gtin, user), await scan(gtin, user), await scan(gtin, user), await scan(gtin, user)];
    await moderateScans({ ids: [late, early], decision: "approved", actor: { label: "t" } });
    await moderateScans({ ids: [denied], decision: "denied", actor: { label: "t" } });
    // Half an hour either side of Moscow's midnight: the same UTC date, two different merchant days.
    await prisma.scan.update({ where: { id: early }, data: { moderatedAt: new Date(midnight.getTime() - 30 * 60_000) } });
    await prisma.scan.update({ where: { id: late }, data: { moderatedAt: new Date(midnight.getTime() + 30 * 60_000) } });

    // The page keeps showing the stored snapshot for the trends…
    const stale = await getOverview({ isAdmin: false });
    expect(stale.snapshot.days).toEqual(before.days);
    // …while the queue is read live.
    expect(stale.waiting.count).toBeGreaterThanOrEqual(1);
    expect(stale.waiting.oldestAt).not.toBeNull();
    expect(await prisma.scan.findUnique({ where: { id: waiting }, select: { status: true } })).toEqual({ status: "processing" });

    const after = await refreshOverview();
    expect(countOn(after, today).approved - countOn(before, today).approved).toBe(1);
    expect(countOn(after, yesterday).approved - countOn(before, yesterday).approved).toBe(1);
    expect(countOn(after, today).denied - countOn(before, today).denied).toBe(1);
    const fresh = await getOverview({ isAdmin: false });
    expect(fresh.snapshot.days).toEqual(after.days);
    expect(fresh.snapshot.topCampaigns.length).toBeLessThanOrEqual(5);
    const ours = fresh.snapshot.topCampaigns.find((c) => c.id === campaign.id);
    if (ours) expect(ours.approved).toBe(2);
  });

  it("sums bonuses earned, spent and credited per day from the ledger", async () => {
    const before = await refreshOverview();
    const client = await makeClient({ levelId: (await makeLevel()).id });
    await prisma.ledgerEntry.createMany({
      data: [
        { clientId: client.id, kind: "earn", amount: 70 },
        { clientId: client.id, kind: "spend", amount: -30 },
        { clientId: client.id, kind: "scan_credit", amount: 5 },
        { clientId: client.id, kind: "adjustment", amount: 1000 },
      ],
    });
    const after = await refreshOverview();
    const [b, a] = [before.days.at(-1)!, after.days.at(-1)!];
    expect({ earned: a.earned - b.earned, spent: a.spent - b.spent, credited: a.credited - b.credited }).toEqual({ earned: 70, spent: 30, credited: 5 });
  });

  it("gives admins a setup checklist while an IMSHOP URL or key is empty, and staff never", async () => {
    const saved = await prisma.imshopSettings.findUniqueOrThrow({ where: { id: 1 }, select: { scanStatusUrl: true, orderStatusUrl: true, outboundKeyEncrypted: true, inboundKeyHash: true } });
    try {
      await prisma.imshopSettings.update({ where: { id: 1 }, data: { scanStatusUrl: null, orderStatusUrl: "https://imshop.example/order", outboundKeyEncrypted: "x", inboundKeyHash: "y" } });
      const admin = await getOverview({ isAdmin: true });
      expect(admin.setup).toEqual([
        { key: "scanStatusUrl", done: false },
        { key: "orderStatusUrl", done: true },
        { key: "outboundKey", done: true },
        { key: "webhookKey", done: true },
      ]);
      expect((await getOverview({ isAdmin: false })).setup).toBeNull();
      await prisma.imshopSettings.update({ where: { id: 1 }, data: { scanStatusUrl: "https://imshop.example/scan" } });
      expect((await getOverview({ isAdmin: true })).setup).toBeNull();
    } finally {
      await prisma.imshopSettings.update({ where: { id: 1 }, data: saved });
    }
  });
});
