import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { exportOfferCodes } from "@/lib/offers/export-offer-codes";
import { exportOperations } from "@/lib/loyalty/export-operations";
import { errorReport, importNow, importsKey } from "@/tests/helpers/imports-kit";
import { makeOffer, uid } from "@/tests/helpers/offers-kit";
import { freshGtin, makeCampaign } from "@/tests/helpers/scans-kit";

let key: string;
beforeAll(async () => {
  key = await importsKey();
});
const actor = { id: null, label: "imports-lists-test" };
const collect = async (chunks: AsyncGenerator<string>) => {
  let text = "";
  for await (const c of chunks) text += c;
  return text;
};

describe("offer code pools", () => {
  it("adds codes by value in batches, refuses what the barcode cannot show, creates nothing the second time, and an export imported back adds nothing", async () => {
    const offer = await makeOffer({ promocodeMode: "pool", promocode: null, barcodeType: "ean13" });
    const good = ["4601234567893", "4600439931256", "96385074"].filter((c) => c.length === 13);
    const file = `code\n${good.join("\n")}\nABC\n${good[0]}\n\n"${"9".repeat(201)}"\n`;
    const first = await importNow(key, "offer-codes", file, `?target=${offer.id}`, 2);
    expect(first).toMatchObject({ state: "done", created: 2, failed: 2 });
    expect(await prisma.offerCode.count({ where: { offerId: offer.id } })).toBe(2);
    const report = parse((await errorReport(key, first.id, "en")).text, { delimiter: ";", bom: true }) as string[][];
    expect(report.slice(1).map((r) => [r[0], r[1]])).toEqual([["4", "code"], ["7", "code"]]);
    expect(report[1][2]).toMatch(/barcode cannot show/);
    expect(report[2][2]).toMatch(/Longer than 200/);

    const again = await importNow(key, "offer-codes", file, `?target=${offer.id}`);
    expect(again).toMatchObject({ state: "done", created: 0 });
    const exported = await collect(exportOfferCodes({ offerId: offer.id, actor }));
    expect(parse(exported, { delimiter: ";", bom: true })).toEqual([["code", "assigned_user_id", "assigned_at"], ...good.sort().map((c) => [c, "", ""])]);
    const back = await importNow(key, "offer-codes", exported, `?target=${offer.id}`);
    expect(back).toMatchObject({ state: "done", processed: 2, created: 0, failed: 0 });
    expect(await prisma.auditLog.count({ where: { action: "offer.codes_export", entityId: offer.id } })).toBe(1);
  });

  it("fails as a whole for an offer that does not hand out pool codes", async () => {
    const offer = await makeOffer({ promocode: "SHARED" });
    expect(await importNow(key, "offer-codes", "X1\n", `?target=${offer.id}`)).toMatchObject({ state: "failed", failure: "offerNotPool" });
  });
});

describe("offer user lists and campaign GTINs", () => {
  it("adds an offer's users without a header, idempotently; with replace the file becomes the list", async () => {
    const offer = await makeOffer({ targeting: "users" });
    const [u1, u2, u3] = [uid("u"), uid("u"), uid("u")];
    expect(await importNow(key, "offer-users", `${u1}\n${u2}\n${u1}\n`, `?target=${offer.id}`)).toMatchObject({ created: 2, failed: 0 });
    expect(await importNow(key, "offer-users", `userId\n${u1}\n${u2}\n`, `?target=${offer.id}`)).toMatchObject({ created: 0 });
    expect(await importNow(key, "offer-users", `${u3}\n`, `?target=${offer.id}&replace=true`)).toMatchObject({ created: 1 });
    expect((await prisma.offerUser.findMany({ where: { offerId: offer.id } })).map((u) => u.userId)).toEqual([u3]);
  });

  it("adds a campaign's GTINs from a table, checking each check digit, idempotently", async () => {
    const campaign = await makeCampaign({ gtins: [] });
    const [g1, g2] = [freshGtin(), freshGtin()];
    const bad = `${g2.slice(0, 13)}${(Number(g2[13]) + 1) % 10}`;
    const file = `name;gtin\nA;${g1.slice(1)}\nB;${g2}\nC;${bad}\nD;4.60123E+12\n`;
    const first = await importNow(key, "campaign-gtins", file, `?target=${campaign.id}`);
    expect(first).toMatchObject({ state: "done", total: 4, created: 2, failed: 2 });
    const report = parse((await errorReport(key, first.id, "ru")).text, { delimiter: ";", bom: true }) as string[][];
    expect(report.slice(1).map((r) => r[0])).toEqual(["4", "5"]);
    expect(report[2][2]).toMatch(/экспоненциальной/);
    expect(await importNow(key, "campaign-gtins", file, `?target=${campaign.id}`)).toMatchObject({ created: 0, failed: 2 });
    expect((await prisma.campaignGtin.findMany({ where: { campaignId: campaign.id } })).map((g) => g.gtin).sort()).toEqual([g1, g2].sort());
  });
});

describe("operations export", () => {
  it("streams every operation with the import-style header, audited", async () => {
    const text = await collect(exportOperations({ filters: {}, actor }));
    const rows = parse(text, { delimiter: ";", bom: true }) as string[][];
    expect(rows[0]).toEqual(["id", "created_at", "point", "phone", "card_number", "amount", "total", "spend", "earn", "percent", "type", "refunded_at"]);
    expect(rows.length - 1).toBe(await prisma.operation.count());
    expect(await prisma.auditLog.count({ where: { action: "loyalty.operations_export" } })).toBeGreaterThan(0);
  });
});
