import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { moderateScans, type ModerationDecision } from "@/lib/scans/moderate-scan";
import { findNextWaitingScan } from "@/lib/scans/find-next-waiting-scan";
import { callRoute } from "@/tests/helpers/call-route";
import { auth, freshGtin, ledgerFor, makeCampaign, phoneUser, setInboundKey, shoeCode } from "@/tests/helpers/scans-kit";

let ts = 1_760_000_000;

async function waitingScan(gtin: string, userId = phoneUser()) {
  const res = await callRoute(register, { body: { barcode: shoeCode(gtin).text, userId, timestamp: ++ts }, headers: auth });
  expect(res.json.status).toBe("processing");
  return { id: res.json.id as string, userId };
}

beforeAll(async () => {
  await setInboundKey();
});

describe("two staff deciding the same scan at once", () => {
  const cases: [ModerationDecision, ModerationDecision][] = [
    ["approved", "denied"],
    ["denied", "approved"],
    ["approved", "approved"],
  ];
  it.each(cases)("%s vs %s: one decision wins; the other is told who made it; one credit at most, one push", async (first, second) => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 150 });
    const scan = await waitingScan(gtin);
    // Both moderators saw version 1 on their pages and press at the same moment.
    const [a, b] = await Promise.all([
      moderateScans({ ids: [scan.id], decision: first, versions: { [scan.id]: 1 }, actor: { label: "anna@example.com" } }),
      moderateScans({ ids: [scan.id], decision: second, versions: { [scan.id]: 1 }, actor: { label: "boris@example.com" } }),
    ]);
    const outcomes = [a[0], b[0]];
    const won = outcomes.filter((r) => r.outcome === "changed");
    const lost = outcomes.filter((r) => r.outcome === "skipped");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0] === a[0] ? { label: "anna@example.com", decision: first } : { label: "boris@example.com", decision: second };
    expect(lost[0]).toMatchObject({ why: "decided_elsewhere", status: winner.decision, decidedBy: winner.label });

    const stored = await prisma.scan.findUniqueOrThrow({ where: { id: scan.id } });
    expect(stored).toMatchObject({ status: winner.decision, version: 2 });
    const { entries, balance } = await ledgerFor(scan.userId);
    expect(entries).toHaveLength(winner.decision === "approved" ? 1 : 0);
    expect(balance).toBe(winner.decision === "approved" ? 150 : 0);
    expect(await prisma.delivery.count({ where: { entityId: scan.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityType: "Scan", entityId: scan.id } })).toBe(1);
  });

  it("a decision without a seen version (the old bulk call) still applies to a scan decided before", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 10 });
    const scan = await waitingScan(gtin);
    await moderateScans({ ids: [scan.id], decision: "approved", actor: { label: "anna@example.com" } });
    const [res] = await moderateScans({ ids: [scan.id], decision: "denied", versions: { [scan.id]: 2 }, actor: { label: "boris@example.com" } });
    expect(res).toMatchObject({ outcome: "changed", status: "denied", reversed: 10 });
  });
});

describe("findNextWaitingScan", () => {
  it("returns the next older waiting scan, skipping decided ones, then wraps round to the newest", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin] });
    const userId = phoneUser();
    const [s1, s2, s3] = [await waitingScan(gtin, userId), await waitingScan(gtin, userId), await waitingScan(gtin, userId)];
    // Moved to a past second of their own, so scans other test files make meanwhile cannot sit between them.
    for (const [i, s] of [s1, s2, s3].entries()) {
      await prisma.scan.update({ where: { id: s.id }, data: { createdAt: new Date(Date.UTC(2001, 0, 1, 0, 0, i)) } });
    }
    await moderateScans({ ids: [s2.id], decision: "denied", actor: { label: "anna@example.com" } });
    expect(await findNextWaitingScan({ afterId: s3.id })).toBe(s1.id);

    const wrapped = await findNextWaitingScan({ afterId: s1.id });
    const newest = await prisma.scan.findFirst({ where: { status: "processing", id: { not: s1.id } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(wrapped).toBe(newest?.id);
  });
});
