import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { decodeCursor } from "@/lib/pagination/keyset";
import { countOrEstimate, EXACT_COUNT_CAP, plannerRows } from "@/lib/pagination/estimate-count";
import { moderateScans } from "@/lib/scans/moderate-scan";
import { countScans, listScans, scanWhereSql } from "@/lib/scans/scans.queries";
import { countOrders, orderWhereSql } from "@/lib/orders/count-orders";
import { countDeliveries, deliveryWhereSql } from "@/lib/outbox/count-deliveries";
import { prisma } from "@/lib/db";
import { auditWhereSql, countAuditEntries } from "@/lib/audit/audit.queries";
import { recordAudit } from "@/lib/audit/record-audit";
import { callRoute } from "@/tests/helpers/call-route";
import { auth, freshGtin, makeCampaign, phoneUser, setInboundKey, shoeCode } from "@/tests/helpers/scans-kit";

let ts = 1_770_000_000;
async function scan(barcode: string, userId: string) {
  const res = await callRoute(register, { body: { barcode, userId, timestamp: ++ts }, headers: auth });
  return res.json.id as string;
}

beforeAll(async () => {
  await setInboundKey();
});

describe("the scan tabs' counts follow the page's other filters", () => {
  it("counts per status within the user's and the campaign's scans, whatever tab is open", async () => {
    const gtin = freshGtin();
    const campaign = await makeCampaign({ gtins: [gtin], bonusPoints: 10 });
    const user = phoneUser();
    await scan(shoeCode(gtin).text, user);
    const approved = await scan(shoeCode(gtin).text, user);
    await scan("not a product", user);
    await scan("not a product either", user);
    await moderateScans({ ids: [approved], decision: "approved", actor: { label: "t" } });

    const forUser = await countScans({ user });
    expect(forUser.tabs).toEqual({ processing: 1, approved: 1, denied: 2 });
    expect(forUser.total).toEqual({ count: 4, estimated: false });
    // The open tab narrows the total, not the other tabs' counts.
    const deniedTab = await countScans({ user, status: "denied" });
    expect(deniedTab.tabs).toEqual({ processing: 1, approved: 1, denied: 2 });
    expect(deniedTab.total).toEqual({ count: 2, estimated: false });
    // The campaign's scans: the two products, not the unparseable ones.
    expect((await countScans({ campaign: campaign.id })).tabs).toEqual({ processing: 1, approved: 1, denied: 0 });
    expect((await countScans({ user, code: gtin })).total).toEqual({ count: 2, estimated: false });
  });
});

describe("the table total: exact under the cap, the planner's estimate over it", () => {
  it("plannerRows reads the estimate from EXPLAIN, with the query's own parameters", async () => {
    expect(await plannerRows(Prisma.sql`SELECT 1 FROM generate_series(1, ${123_456}::int)`)).toBe(123_456);
  });

  it("the queue's filters explain as SQL (every filter at once, the code matched every way)", async () => {
    const gtin = freshGtin();
    const filters = { status: "processing", campaign: "c", user: "u", from: "2026-01-01", to: "2026-12-31", code: shoeCode(gtin).text } as const;
    const rows = await plannerRows(Prisma.sql`SELECT 1 FROM "Scan" WHERE ${scanWhereSql(filters)}`);
    expect(rows).toBeGreaterThanOrEqual(0);
    expect(await plannerRows(Prisma.sql`SELECT 1 FROM "Scan" WHERE ${scanWhereSql({})}`)).toBeGreaterThan(0);
  });

  it("answers an exact count up to the cap and the (never smaller) estimate past it", async () => {
    let asked = 0;
    const estimate = async () => {
      asked++;
      return 42_000;
    };
    expect(await countOrEstimate(EXACT_COUNT_CAP, estimate)).toEqual({ count: EXACT_COUNT_CAP, estimated: false });
    expect(asked).toBe(0);
    expect(await countOrEstimate(EXACT_COUNT_CAP + 1, estimate)).toEqual({ count: 42_000, estimated: true });
    expect(await countOrEstimate(EXACT_COUNT_CAP + 1, async () => 17)).toEqual({ count: EXACT_COUNT_CAP + 1, estimated: true });
  });
});

describe("sorting the queue by time", () => {
  it("lists oldest first with order=asc and pages both ways", async () => {
    const user = phoneUser();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await scan(`text code ${i} ${user}`, user));
    const page1 = await listScans({ filters: { user }, cursor: null, dir: "next", take: 2, order: "asc" });
    expect(page1.rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    const page2 = await listScans({ filters: { user }, cursor: decodeCursor(page1.nextCursor), dir: "next", take: 2, order: "asc" });
    expect(page2.rows.map((r) => r.id)).toEqual(ids.slice(2, 4));
    const back = await listScans({ filters: { user }, cursor: decodeCursor(page2.prevCursor), dir: "prev", take: 2, order: "asc" });
    expect(back.rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    const newest = await listScans({ filters: { user }, cursor: null, dir: "next", take: 2 });
    expect(newest.rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
  });
});

describe("orders and deliveries totals", () => {
  it("count what the filters list, exactly under the cap", async () => {
    const tag = `CNT${Date.now()}`;
    for (const [i, summary] of ["кеды 50%", "кеды_синие", "сапоги"].entries()) {
      await prisma.order.create({ data: { internalId: `${tag}-${i}`, itemsSummary: summary, statusCode: "new", userId: tag, orderCreatedAt: new Date() } });
    }
    expect(await countOrders({ user: tag })).toEqual({ count: 3, estimated: false });
    expect(await countOrders({ user: tag, q: "кеды" })).toEqual({ count: 2, estimated: false });
    // LIKE's wildcards in the search are literal characters, in the count's SQL as in the list.
    expect(await countOrders({ user: tag, q: "50%" })).toEqual({ count: 1, estimated: false });
    const entityId = `cnt-${Date.now()}`;
    await prisma.delivery.create({ data: { kind: "scan_status", entityId, entityVersion: 1, payload: {}, state: "pending", attempts: 2 } });
    await prisma.delivery.create({ data: { kind: "scan_status", entityId, entityVersion: 2, payload: {}, state: "failed", attempts: 1 } });
    expect(await countDeliveries({ entityId })).toEqual({ count: 2, estimated: false });
    expect(await countDeliveries({ entityId, state: "failing" })).toEqual({ count: 1, estimated: false });
  });

  it("the audit log counts by its filters, and they explain as SQL", async () => {
    const entityId = `cnt-audit-${Date.now()}`;
    for (const action of ["scan.approve", "scan.deny", "user.create"]) {
      await recordAudit({ actor: { label: "counter@example.com" }, action, entityType: "Scan", entityId });
    }
    expect(await countAuditEntries({ entityId })).toEqual({ count: 3, estimated: false });
    expect(await countAuditEntries({ entityId, action: "scan." })).toEqual({ count: 2, estimated: false });
    const sql = auditWhereSql({ action: "scan_%", entityType: "Scan", entityId, actor: "COUNTER", from: "2026-01-01", to: "2026-12-31" });
    expect(await plannerRows(Prisma.sql`SELECT 1 FROM "AuditLog" WHERE ${sql}`)).toBeGreaterThanOrEqual(0);
  });

  it("their filters explain as SQL for the estimate", async () => {
    const orders = orderWhereSql({ q: "a_b%", status: "new", user: "u", from: "2026-01-01", to: "2026-02-01" });
    expect(await plannerRows(Prisma.sql`SELECT 1 FROM "Order" WHERE ${orders}`)).toBeGreaterThanOrEqual(0);
    for (const state of ["failing", "dead"] as const) {
      const deliveries = deliveryWhereSql({ state, kind: "order_status", entityId: "x" });
      expect(await plannerRows(Prisma.sql`SELECT 1 FROM "Delivery" WHERE ${deliveries}`)).toBeGreaterThanOrEqual(0);
    }
  });
});
