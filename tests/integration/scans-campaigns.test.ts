import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { campaignInputSchema } from "@/lib/campaigns/campaigns.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { importCampaignGtins } from "@/lib/campaigns/import-campaign-gtins";
import { getCampaignForm, listCampaigns } from "@/lib/campaigns/campaigns.queries";
import { callRoute } from "@/tests/helpers/call-route";
import { auth, freshGtin, phoneUser, setInboundKey, shoeCode, uid } from "@/tests/helpers/scans-kit";

const actor = { label: "admin@example.com" };
const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
const form = (over: Record<string, unknown> = {}) =>
  campaignInputSchema.parse({ name: uid("Акция"), startsOn: "2020-01-01", endsOn: null, bonusPoints: 25, gtins: [], texts: {}, ...over });

const auditFor = (id: string) => prisma.auditLog.findMany({ where: { entityType: "Campaign", entityId: id }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await setInboundKey();
});

describe("campaigns", () => {
  it("creates a campaign whose GTINs then earn scans, and audits it", async () => {
    const gtin = freshGtin();
    const { id } = await createCampaign({
      data: form({ gtins: [gtin.slice(1)], autoApprove: true, texts: { approved: { ru: { statusMessage: "Ура, {points}!" } } } }),
      actor,
    });
    const stored = await getCampaignForm(id);
    expect(stored).toMatchObject({ gtins: [gtin], bonusPoints: 25, autoApprove: true, state: "running", startsOn: "2020-01-01", endsOn: null });
    const res = await callRoute(register, { body: { barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: 1 }, headers: auth });
    expect(res.json).toMatchObject({ status: "approved", statusMessage: "Ура, 25!" });
    const audit = await auditFor(id);
    expect(audit.map((a) => a.action)).toEqual(["campaign.create"]);
    expect(audit[0].after).toMatchObject({ bonusPoints: 25, gtinCount: 1, gtins: [gtin] });
  });

  it("updates fields and the GTIN list by difference; an ended period stops new scans", async () => {
    const [a, b, c] = [freshGtin(), freshGtin(), freshGtin()];
    const { id } = await createCampaign({ data: form({ gtins: [a, b] }), actor });
    const result = await updateCampaign({ id, data: form({ name: "Renamed", gtins: [b, c], endsOn: "2020-12-31" }), actor });
    expect(result).toEqual({ id, added: 1, removed: 1 });
    const stored = await getCampaignForm(id);
    expect(stored).toMatchObject({ name: "Renamed", gtins: [b, c].sort(), state: "ended", endsOn: "2020-12-31" });
    const audit = await auditFor(id);
    expect(audit.map((x) => x.action)).toEqual(["campaign.create", "campaign.update"]);
    expect(audit[1].before).toMatchObject({ gtinCount: 2, endsAt: null });
    expect(audit[1].after).toMatchObject({ name: "Renamed", gtinsAdded: [c], gtinsRemoved: [a] });
    const res = await callRoute(register, { body: { barcode: shoeCode(c).text, userId: phoneUser(), timestamp: 2 }, headers: auth });
    expect(res.json).toMatchObject({ status: "denied", alertMessage: "Срок начисления бонусов по данному коду истек" });
  });

  it("runs a campaign through its last day (Moscow) inclusive", async () => {
    const gtin = freshGtin();
    await createCampaign({ data: form({ gtins: [gtin], startsOn: today, endsOn: today }), actor });
    const res = await callRoute(register, { body: { barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: 3 }, headers: auth });
    expect(res.json.status).toBe("processing");
  });

  it("imports GTINs from CSV, reporting bad lines, idempotently", async () => {
    const { id } = await createCampaign({ data: form(), actor });
    const [g1, g2] = [freshGtin(), freshGtin()];
    const csv = `name;gtin\nA;${g1.slice(1)}\nB;${g2}\nC;${g2.slice(0, 13)}${(Number(g2[13]) + 1) % 10}\n`;
    const first = await importCampaignGtins({ id, csv, actor });
    expect(first).toMatchObject({ added: 2, alreadyListed: 0, lines: 3 });
    expect(first.problems).toHaveLength(1);
    expect(first.problems[0]).toMatchObject({ line: 4 });
    const again = await importCampaignGtins({ id, csv, actor });
    expect(again).toMatchObject({ added: 0, alreadyListed: 2 });
    expect((await getCampaignForm(id))?.gtins).toEqual([g1, g2].sort());
    expect((await auditFor(id)).map((x) => x.action)).toEqual(["campaign.create", "campaign.import_gtins"]);
    await expect(importCampaignGtins({ id: "nope", csv, actor })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes only a campaign without scans", async () => {
    const gtin = freshGtin();
    const used = await createCampaign({ data: form({ gtins: [gtin] }), actor });
    await callRoute(register, { body: { barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: 4 }, headers: auth });
    await expect(deleteCampaign({ id: used.id, actor })).rejects.toMatchObject({ code: "conflict" });
    const unused = await createCampaign({ data: form({ gtins: [freshGtin()] }), actor });
    await deleteCampaign({ id: unused.id, actor });
    expect(await prisma.campaign.findUnique({ where: { id: unused.id } })).toBeNull();
    expect((await auditFor(unused.id)).map((x) => x.action)).toEqual(["campaign.create", "campaign.delete"]);
  });

  it("lists campaigns newest first with state filters and scan counts", async () => {
    const gtin = freshGtin();
    const name = uid("Listed");
    const { id } = await createCampaign({ data: form({ name, gtins: [gtin] }), actor });
    await callRoute(register, { body: { barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: 5 }, headers: auth });
    const page = await listCampaigns({ filters: { q: name }, cursor: null, dir: "next", take: 10 });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ id, state: "running", gtinCount: 1, scans: { processing: 1, approved: 0, denied: 0 } });
    const ended = await listCampaigns({ filters: { q: name, state: "ended" }, cursor: null, dir: "next", take: 10 });
    expect(ended.rows).toHaveLength(0);
  });
});
