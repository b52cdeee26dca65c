import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { POST as history } from "@/app/api/imshop/scans/history/route";
import { moderateScans } from "@/lib/scans/moderate-scan";
import { scanHistoryAnswerSchema } from "@/lib/scans/scans.schema";
import { callRoute } from "@/tests/helpers/call-route";
import { INBOUND_KEY, auth, base64, freshGtin, makeCampaign, milkCode, phoneUser, setInboundKey, shoeCode } from "@/tests/helpers/scans-kit";

beforeAll(async () => {
  await setInboundKey();
});

async function scan(body: { barcode: string; userId: string; timestamp: number }) {
  const res = await callRoute(register, { body, headers: auth });
  expect(res.status).toBe(200);
  return res.json as { id: string; status: string; statusMessage?: string };
}

describe("POST /api/imshop/scans/history", () => {
  it("returns the user's scans newest first, with the barcode as sent, and nobody else's", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 200, autoApprove: false });
    const userId = phoneUser();
    const other = phoneUser();
    const shoe = shoeCode(gtin);
    const milkB64 = base64(milkCode(gtin).text);
    // Sent out of order: history sorts by the scan's own timestamp.
    const middle = await scan({ barcode: shoe.text, userId, timestamp: 1662660600 });
    const oldest = await scan({ barcode: "not-a-product", userId, timestamp: 1662660500 });
    const newest = await scan({ barcode: milkB64, userId, timestamp: 1662660700 });
    await scan({ barcode: shoeCode(gtin).text, userId: other, timestamp: 1662660800 });
    await moderateScans({ ids: [middle.id], decision: "approved", actor: { label: "test" } });

    const res = await callRoute(history, { body: { userId }, headers: auth });
    expect(res.status).toBe(200);
    expect(scanHistoryAnswerSchema.safeParse(res.json).success, JSON.stringify(res.json)).toBe(true);
    expect(res.json).toEqual({
      scans: [
        { id: newest.id, code: milkB64, timestamp: 1662660700, status: "processing", statusMessage: "На проверке" },
        { id: middle.id, code: shoe.text, timestamp: 1662660600, status: "approved", statusMessage: "Начислено 200 бонусов" },
        { id: oldest.id, code: "not-a-product", timestamp: 1662660500, status: "denied", statusMessage: "Код не распознан" },
      ],
    });
  });

  it("answers an empty list for a user with no scans", async () => {
    const res = await callRoute(history, { body: { userId: phoneUser() }, headers: auth });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ scans: [] });
  });

  it("omits statusMessage when a scan has none", async () => {
    const userId = phoneUser();
    const s = await scan({ barcode: "plain text", userId, timestamp: 1 });
    await prisma.scan.update({ where: { id: s.id }, data: { statusMessage: null } });
    const res = await callRoute(history, { body: { userId }, headers: auth });
    expect(res.json.scans).toEqual([{ id: s.id, code: "plain text", timestamp: 1, status: "denied" }]);
  });

  it("needs the key (header or body) and a string userId", async () => {
    expect((await callRoute(history, { body: { userId: "79991234567" } })).status).toBe(401);
    expect((await callRoute(history, { body: { userId: "79991234567" }, headers: { authorization: "Bearer bad" } })).status).toBe(401);
    expect((await callRoute(history, { body: { userId: "79991234567", key: INBOUND_KEY } })).status).toBe(200);
    const missing = await callRoute(history, { body: {}, headers: auth });
    expect(missing.status).toBe(422);
    expect(missing.json.error.fields).toEqual({ userId: "Required" });
    const wrongType = await callRoute(history, { body: { userId: 79991234567 }, headers: auth });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.error.fields).toEqual({ userId: "Expected a string" });
    expect((await callRoute(history, { rawBody: "{", headers: auth })).status).toBe(400);
    const extra = await callRoute(history, { body: { userId: phoneUser(), page: 2, locale: "ru" }, headers: auth });
    expect(extra.status).toBe(200);
  });
});
