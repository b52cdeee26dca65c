import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { countScans, listScans, SCAN_COUNT_CAP } from "@/lib/scans/scans.queries";
import { getScanDetail } from "@/lib/scans/scan-detail.queries";
import { moderateScans } from "@/lib/scans/moderate-scan";
import { decodeCursor } from "@/lib/pagination/keyset";
import { callRoute } from "@/tests/helpers/call-route";
import { auth, base64, freshGtin, makeCampaign, phoneUser, setInboundKey, shoeCode } from "@/tests/helpers/scans-kit";

let ts = 1_760_000_000;
async function scan(barcode: string, userId: string) {
  const res = await callRoute(register, { body: { barcode, userId, timestamp: ++ts }, headers: auth });
  expect(res.status).toBe(200);
  return res.json.id as string;
}
const list = (filters: Parameters<typeof listScans>[0]["filters"], take = 50, cursor: string | null = null, dir: "next" | "prev" = "next") =>
  listScans({ filters, take, dir, cursor: decodeCursor(cursor) });

beforeAll(async () => {
  await setInboundKey();
});

describe("the moderation queue query", () => {
  it("counts each tab exactly below the cap", async () => {
    const before = (await countScans({})).tabs;
    // The counts are capped so a page load never reads the whole table; this database is far below the cap.
    expect(Math.max(before.processing, before.approved, before.denied)).toBeLessThan(SCAN_COUNT_CAP);
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 10 });
    const user = phoneUser();
    const waiting = await scan(shoeCode(gtin).text, user);
    const approved = await scan(shoeCode(gtin).text, user);
    await scan("not a product", user);
    await scan("not a product either", user);
    await moderateScans({ ids: [approved], decision: "approved", actor: { label: "t" } });
    const after = (await countScans({})).tabs;
    // Files run one after another (vitest.config.mts): nothing else writes scans meanwhile.
    expect(after).toEqual({ processing: before.processing + 1, approved: before.approved + 1, denied: before.denied + 2 });
    expect((await list({ user, status: "processing" })).rows.map((r) => r.id)).toEqual([waiting]);
  });

  it("filters by user, status, campaign and code (text, base64 or GTIN), newest first", async () => {
    const gtin = freshGtin();
    const campaign = await makeCampaign({ gtins: [gtin], bonusPoints: 10 });
    const user = phoneUser();
    const code = shoeCode(gtin);
    const a = await scan(code.text, user);
    const b = await scan(shoeCode(gtin).text, user);
    const c = await scan("not a product", user);
    await moderateScans({ ids: [b], decision: "approved", actor: { label: "t" } });

    expect((await list({ user })).rows.map((r) => r.id)).toEqual([c, b, a]);
    expect((await list({ user, status: "processing" })).rows.map((r) => r.id)).toEqual([a]);
    expect((await list({ user, status: "denied" })).rows.map((r) => r.id)).toEqual([c]);
    expect((await list({ campaign: campaign.id })).rows.map((r) => r.id)).toEqual([b, a]);
    expect((await list({ code: code.text })).rows.map((r) => r.id)).toEqual([a]);
    expect((await list({ code: base64(code.text) })).rows.map((r) => r.id)).toEqual([a]);
    expect((await list({ code: gtin.slice(1) })).rows.map((r) => r.id)).toEqual([b, a]);
    expect((await list({ code: a })).rows.map((r) => r.id)).toEqual([a]);
    const row = (await list({ code: a })).rows[0];
    expect(row).toMatchObject({ userId: user, gtin, serial: code.serial, status: "processing", campaignName: campaign.name, bonusPoints: 10, codeKind: "gs1" });
    expect(typeof row.createdAt).toBe("string");
  });

  it("filters by Moscow calendar day and pages with cursors", async () => {
    const user = phoneUser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await scan(`text-${i}`, user));
    // Put them on known days: 2025-01-01 23:30 and 2025-01-02 00:30 Moscow time, etc.
    await prisma.scan.update({ where: { id: ids[0] }, data: { createdAt: new Date("2025-01-01T20:30:00Z") } });
    await prisma.scan.update({ where: { id: ids[1] }, data: { createdAt: new Date("2025-01-01T21:30:00Z") } });
    expect((await list({ user, from: "2025-01-01", to: "2025-01-01" })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await list({ user, from: "2025-01-02", to: "2025-01-02" })).rows.map((r) => r.id)).toEqual([ids[1]]);

    const first = await list({ user }, 2);
    expect(first.rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(first.prevCursor).toBeNull();
    const second = await list({ user }, 2, first.nextCursor);
    expect(second.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const third = await list({ user }, 2, second.nextCursor);
    expect(third.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();
    const back = await list({ user }, 2, third.prevCursor, "prev");
    expect(back.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
  });

  it("gives the detail: decoded elements, the linked client's balance, ledger and the user's other scans", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 33, autoApprove: true });
    const user = phoneUser();
    const code = shoeCode(gtin);
    const first = await scan(base64(code.text), user);
    const second = await scan("hello", user);
    const detail = await getScanDetail(first);
    expect(detail).toMatchObject({
      id: first,
      barcode: base64(code.text),
      codeKind: "gs1",
      gtin,
      serial: code.serial,
      registered: true,
      status: "approved",
      client: { phone: user, balance: 33 },
      ledger: [{ kind: "scan_credit", amount: 33 }],
      otherScans: [{ id: second, status: "denied", reason: "unparseable" }],
    });
    expect(detail?.decoded.encoding).toBe("base64");
    expect(detail?.decoded.elements.map((e) => e.ai)).toEqual(["01", "21", "91", "92"]);
    expect(detail?.decoded.summary).toMatchObject({ cryptoKeyId: "EE06" });
    expect(await getScanDetail("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
