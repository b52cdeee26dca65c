import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { moderateScans } from "@/lib/scans/moderate-scan";
import { scanStatusPushSchema } from "@/lib/scans/scans.schema";
import { callRoute } from "@/tests/helpers/call-route";
import { OUTBOUND_KEY, startTestWorker, withOutboxFake } from "@/tests/helpers/outbox-kit";
import { auth, freshGtin, ledgerFor, makeCampaign, phoneUser, setInboundKey, shoeCode, uid } from "@/tests/helpers/scans-kit";

const actor = { label: "moderator@example.com" };
let ts = 1_750_000_000;

async function registerEligible(opts: { bonusPoints?: number; userId?: string; gtin?: string } = {}) {
  const gtin = opts.gtin ?? freshGtin();
  if (!opts.gtin) await makeCampaign({ gtins: [gtin], bonusPoints: opts.bonusPoints ?? 120 });
  const userId = opts.userId ?? phoneUser();
  const barcode = shoeCode(gtin).text;
  const res = await callRoute(register, { body: { barcode, userId, timestamp: ++ts }, headers: auth });
  expect(res.status).toBe(200);
  return { id: res.json.id as string, status: res.json.status as string, userId, barcode, timestamp: ts, gtin };
}

const deliveriesFor = (id: string) => prisma.delivery.findMany({ where: { entityId: id }, orderBy: { entityVersion: "asc" } });
const auditFor = (id: string) => prisma.auditLog.findMany({ where: { entityType: "Scan", entityId: id }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await setInboundKey();
});

describe("moderateScans", () => {
  it("fills a moderator's own message per scan, the word for points agreeing with each number", async () => {
    const one = await registerEligible({ bonusPoints: 1 });
    const three = await registerEligible({ bonusPoints: 3 });
    await moderateScans({ ids: [one.id, three.id], decision: "approved", message: "Начислено {points} бонусов", actor });
    const texts = await prisma.scan.findMany({ where: { id: { in: [one.id, three.id] } }, select: { bonusPoints: true, statusMessage: true } });
    expect(texts.sort((a, b) => (a.bonusPoints ?? 0) - (b.bonusPoints ?? 0)).map((t) => t.statusMessage)).toEqual(["Начислено 1 бонус", "Начислено 3 бонуса"]);
  });

  it("approves: status, version, ledger credit, audit and a scan_status push with the contract's payload", async () => {
    const s = await registerEligible({ bonusPoints: 120 });
    expect(s.status).toBe("processing");
    const results = await moderateScans({ ids: [s.id], decision: "approved", actor });
    expect(results).toEqual([{ id: s.id, outcome: "changed", status: "approved", credited: 120, reversed: 0, version: 2 }]);

    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: s.id } });
    expect(scan).toMatchObject({
      status: "approved",
      success: true,
      reason: "moderated",
      version: 2,
      statusMessage: "Начислено 120 бонусов",
      alertTitle: "Бонусы начислены",
    });
    expect(scan.moderatedAt).toBeInstanceOf(Date);

    const { entries, balance } = await ledgerFor(s.userId);
    expect(entries.map((e) => [e.kind, e.amount, e.scanId])).toEqual([["scan_credit", 120, s.id]]);
    expect(balance).toBe(120);

    const deliveries = await deliveriesFor(s.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ kind: "scan_status", entityVersion: 2, state: "pending" });
    expect(deliveries[0].payload).toEqual({
      id: s.id,
      userId: s.userId,
      code: s.barcode,
      timestamp: s.timestamp,
      status: "approved",
      statusMessage: "Начислено 120 бонусов",
    });
    expect(scanStatusPushSchema.safeParse(deliveries[0].payload).success).toBe(true);

    const audit = await auditFor(s.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "scan.approve", actorLabel: actor.label });
    expect(audit[0].before).toMatchObject({ status: "processing", version: 1 });
    expect(audit[0].after).toMatchObject({ status: "approved", version: 2, credited: 120 });

    // A repeat of the original request now answers the new status.
    const repeat = await callRoute(register, { body: { barcode: s.barcode, userId: s.userId, timestamp: s.timestamp }, headers: auth });
    expect(repeat.json).toMatchObject({ id: s.id, success: true, status: "approved", statusMessage: "Начислено 120 бонусов" });
  });

  it("rolls everything back with the caller's transaction: no status change, ledger, audit or push", async () => {
    const s = await registerEligible();
    await expect(
      prisma.$transaction(async (tx) => {
        await moderateScans({ ids: [s.id], decision: "approved", actor, tx });
        throw new Error("something later in the transaction failed");
      }),
    ).rejects.toThrow("something later");
    expect(await prisma.scan.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "processing", version: 1 });
    expect((await ledgerFor(s.userId)).entries).toHaveLength(0);
    expect(await deliveriesFor(s.id)).toHaveLength(0);
    expect(await auditFor(s.id)).toHaveLength(0);
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`scan_status:${s.id}`}`;
    expect(jobs[0].n).toBe(0);
  });

  it("denying an approved scan reverses the credit and pushes the newer status", async () => {
    const s = await registerEligible({ bonusPoints: 80 });
    await moderateScans({ ids: [s.id], decision: "approved", actor });
    const results = await moderateScans({ ids: [s.id], decision: "denied", message: "Чек не подтверждён", actor });
    expect(results).toEqual([{ id: s.id, outcome: "changed", status: "denied", credited: 0, reversed: 80, version: 3 }]);

    const { entries, balance } = await ledgerFor(s.userId);
    expect(entries.map((e) => [e.kind, e.amount])).toEqual([
      ["scan_credit", 80],
      ["reversal", -80],
    ]);
    expect(entries[1].reversesId).toBe(entries[0].id);
    expect(balance).toBe(0);

    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: s.id } });
    expect(scan).toMatchObject({ status: "denied", success: false, statusMessage: "Чек не подтверждён", version: 3 });
    const deliveries = await deliveriesFor(s.id);
    expect(deliveries.map((d) => [d.entityVersion, d.state])).toEqual([
      [2, "superseded"],
      [3, "pending"],
    ]);
    expect(deliveries[1].payload).toEqual({
      id: s.id,
      userId: s.userId,
      code: s.barcode,
      timestamp: s.timestamp,
      status: "denied",
      statusMessage: "Чек не подтверждён",
    });
    expect((await auditFor(s.id)).map((a) => a.action)).toEqual(["scan.approve", "scan.deny"]);

    // Approving again credits again; the earlier pair stays as it was.
    await moderateScans({ ids: [s.id], decision: "approved", actor });
    expect((await ledgerFor(s.userId)).balance).toBe(80);
  });

  it("denying a scan still in processing touches no ledger", async () => {
    const s = await registerEligible();
    const [r] = await moderateScans({ ids: [s.id], decision: "denied", actor });
    expect(r).toMatchObject({ outcome: "changed", reversed: 0 });
    expect((await ledgerFor(s.userId)).entries).toHaveLength(0);
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: s.id } });
    expect(scan.statusMessage).toBe("Отказано в начислении бонусов");
    expect((await deliveriesFor(s.id))[0].payload).toMatchObject({ status: "denied", statusMessage: "Отказано в начислении бонусов" });
  });

  it("does nothing when the status does not change", async () => {
    const s = await registerEligible();
    await moderateScans({ ids: [s.id], decision: "approved", actor });
    const again = await moderateScans({ ids: [s.id], decision: "approved", message: "ignored", actor });
    expect(again).toEqual([{ id: s.id, outcome: "unchanged", status: "approved" }]);
    expect(await deliveriesFor(s.id)).toHaveLength(1);
    expect((await ledgerFor(s.userId)).entries).toHaveLength(1);
    expect(await auditFor(s.id)).toHaveLength(1);
    expect((await prisma.scan.findUniqueOrThrow({ where: { id: s.id } })).version).toBe(2);
  });

  it("moderates many at once, with one message, skipping unknown ids and codes someone else holds", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 40 });
    const a = await registerEligible({ gtin });
    const b = await registerEligible({ gtin });
    const holder = await registerEligible({ gtin });
    // Same code as `holder`, by another user: denied at registration as a duplicate.
    const dupRes = await callRoute(register, { body: { barcode: holder.barcode, userId: phoneUser(), timestamp: ++ts }, headers: auth });
    const dup = dupRes.json.id as string;
    const missing = uid("missing");
    const results = await moderateScans({ ids: [a.id, b.id, dup, missing, a.id], decision: "approved", message: "Спасибо за покупку!", actor });
    expect(results).toEqual([
      { id: a.id, outcome: "changed", status: "approved", credited: 40, reversed: 0, version: 2 },
      { id: b.id, outcome: "changed", status: "approved", credited: 40, reversed: 0, version: 2 },
      { id: dup, outcome: "skipped", why: "duplicate" },
      { id: missing, outcome: "skipped", why: "not_found" },
    ]);
    for (const s of [a, b]) {
      expect(await prisma.scan.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "approved", statusMessage: "Спасибо за покупку!" });
      expect((await deliveriesFor(s.id))[0].payload).toMatchObject({ status: "approved", statusMessage: "Спасибо за покупку!" });
    }
    expect(await prisma.scan.findUniqueOrThrow({ where: { id: dup } })).toMatchObject({ status: "denied", version: 1 });
    expect(await deliveriesFor(dup)).toHaveLength(0);
  });

  it("approving a scan denied for the limit registers its code and credits the campaign's points", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 15, perUserDailyLimit: 1 });
    const userId = phoneUser();
    await registerEligible({ gtin, userId });
    const limited = await registerEligible({ gtin, userId });
    expect(limited.status).toBe("denied");
    const [r] = await moderateScans({ ids: [limited.id], decision: "approved", actor });
    expect(r).toMatchObject({ outcome: "changed", credited: 15 });
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: limited.id } });
    expect(scan.registeredCode).toBe(`(01)${gtin}(21)${scan.serial}`);
  });
});

describe("moderation pushes reach IMSHOP through the outbox", () => {
  const fake = withOutboxFake();

  it("delivers the approval and then the denial, in order, with IMSHOP's key", async () => {
    const s = await registerEligible({ bonusPoints: 60 });
    await startTestWorker();
    await moderateScans({ ids: [s.id], decision: "approved", actor });
    await fake.waitFor((reqs) => reqs.some((r) => (r.body as { id?: string })?.id === s.id));
    await moderateScans({ ids: [s.id], decision: "denied", message: "Отменено", actor });
    await fake.waitFor((reqs) => reqs.some((r) => (r.body as { status?: string; id?: string })?.id === s.id && (r.body as { status: string }).status === "denied"));
    const received = fake.requests.filter((r) => (r.body as { id?: string })?.id === s.id);
    expect(received.map((r) => r.path)).toEqual(["/scan-status", "/scan-status"]);
    expect(received[0].headers.authorization).toBe(`Bearer ${OUTBOUND_KEY}`);
    expect(received.map((r) => r.body)).toEqual([
      { id: s.id, userId: s.userId, code: s.barcode, timestamp: s.timestamp, status: "approved", statusMessage: "Начислено 60 бонусов" },
      { id: s.id, userId: s.userId, code: s.barcode, timestamp: s.timestamp, status: "denied", statusMessage: "Отменено" },
    ]);
  });
});
