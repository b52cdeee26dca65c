import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { searchDashboard } from "@/lib/search/search-dashboard";
import { callRoute } from "@/tests/helpers/call-route";
import { freshPhone, makeClient, makeLevel } from "@/tests/helpers/loyalty-kit";
import { auth, base64, freshGtin, makeCampaign, setInboundKey, shoeCode, uid } from "@/tests/helpers/scans-kit";

const first = async (query: string) => (await searchDashboard({ query }))[0];

beforeAll(async () => {
  await setInboundKey();
});

describe("the header search", () => {
  it("finds a client by a phone in any format, straight to the client's page", async () => {
    const level = await makeLevel();
    const phone = freshPhone();
    const client = await makeClient({ levelId: level.id, phone, name: `Ирина ${uid("n")}` });
    const [, a, b, c, d] = phone.match(/^7(\d{3})(\d{3})(\d{2})(\d{2})$/) ?? [];
    for (const typed of [phone, `+7 (${a}) ${b}-${c}-${d}`, `8 ${a} ${b}${c}${d}`, `${a}${b}${c}${d}`]) {
      expect(await first(typed), typed).toMatchObject({ kind: "client", href: `/loyalty/clients/${client.id}`, exact: true });
    }
  });

  it("finds a client by part of the name, any case", async () => {
    const level = await makeLevel();
    const surname = `Зарецк${uid("x").slice(-6)}`;
    const client = await makeClient({ levelId: level.id, phone: freshPhone(), name: `Пётр ${surname}ий` });
    const hits = await searchDashboard({ query: surname.toLowerCase() });
    expect(hits.map((h) => h.href)).toContain(`/loyalty/clients/${client.id}`);
  });

  it("finds an order by its number (whole: first; part: listed)", async () => {
    const number = `SO-${Date.now()}`;
    const order = await prisma.order.create({ data: { internalId: number, statusCode: "new", orderCreatedAt: new Date() } });
    expect(await first(number)).toMatchObject({ kind: "order", href: `/orders/${order.id}`, title: number, exact: true });
    expect((await searchDashboard({ query: number.slice(3) })).map((h) => h.href)).toContain(`/orders/${order.id}`);
  });

  it("finds a scan by its marking code, as text or base64, and a GTIN's campaign and scans", async () => {
    const gtin = freshGtin();
    const campaign = await makeCampaign({ gtins: [gtin] });
    const code = shoeCode(gtin);
    const res = await callRoute(register, { body: { barcode: code.text, userId: freshPhone(), timestamp: 1_780_000_000 }, headers: auth });
    const scanId = res.json.id as string;
    expect(await first(code.text)).toMatchObject({ kind: "scan", href: `/scans/${scanId}`, status: "processing" });
    expect(await first(base64(code.text))).toMatchObject({ kind: "scan", href: `/scans/${scanId}` });
    expect(await first(scanId)).toMatchObject({ kind: "scan", href: `/scans/${scanId}` });

    const byGtin = await searchDashboard({ query: gtin });
    expect(byGtin.map((h) => h.href)).toEqual(expect.arrayContaining([`/campaigns/${campaign.id}`, `/scans?code=${gtin}`]));
  });

  it("answers nothing for what matches nothing", async () => {
    expect(await searchDashboard({ query: `nothing-${uid("q")}` })).toEqual([]);
  });
});
