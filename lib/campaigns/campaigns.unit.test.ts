import { describe, expect, it } from "vitest";
import { campaignInputSchema, parseCampaignTexts } from "@/lib/campaigns/campaigns.schema";
import { parseGtinCsv } from "@/lib/campaigns/parse-gtin-csv";
import { campaignState } from "@/lib/campaigns/campaign-state";

describe("parseGtinCsv", () => {
  it("reads one GTIN per line, normalising to 14 digits and dropping repeats", () => {
    const r = parseGtinCsv("\uFEFF4601234567893\r\n04600439931256\n\n4601234567893\n96385074\n");
    expect(r.gtins).toEqual(["04601234567893", "04600439931256", "00000096385074"]);
    expect(r.problems).toEqual([]);
    expect(r.lines).toBe(4);
  });

  it("finds a column named gtin in a semicolon table and reports bad lines by number", () => {
    const csv = ["name;gtin;price", '"Туфли; чёрные";4601234567893;100', "Сапоги;4601234567890;200", "Кеды;;50", "Ботинки;4.60123E+12;10"].join("\n");
    const r = parseGtinCsv(csv);
    expect(r.gtins).toEqual(["04601234567893"]);
    expect(r.problems).toEqual([
      { line: 3, value: "4601234567890", error: "Wrong check digit: expected 3", problem: { key: "gtinCheckDigit", values: { value: "4601234567890", expected: 3 } } },
      { line: 4, value: "Кеды;;50", error: "No GTIN in this line", problem: { key: "gtinMissing", values: { value: "Кеды;;50" } } },
      {
        line: 5,
        value: "4.60123E+12",
        error: "Written in exponent form by a spreadsheet: format the column as text",
        problem: { key: "gtinExponent", values: { value: "4.60123E+12" } },
      },
    ]);
    expect(r.lines).toBe(4);
  });

  it("reads comma and tab separated tables with a GTIN header in any case", () => {
    expect(parseGtinCsv("GTIN,name\n4601234567893,x").gtins).toEqual(["04601234567893"]);
    expect(parseGtinCsv("id\tgtin\n1\t04600439931256").gtins).toEqual(["04600439931256"]);
  });

  it("reports text that is not a GTIN", () => {
    expect(parseGtinCsv("hello\n123").problems.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe("campaignInputSchema", () => {
  const base = { name: "Весна", startsOn: "2026-03-01", endsOn: "2026-03-31", bonusPoints: "100", gtins: [], texts: {} };

  it("turns Moscow calendar days into an inclusive period", () => {
    const c = campaignInputSchema.parse(base);
    expect(c.startsAt.toISOString()).toBe("2026-02-28T21:00:00.000Z");
    expect(c.endsAt?.toISOString()).toBe("2026-03-31T21:00:00.000Z");
    expect(c.bonusPoints).toBe(100);
    expect(c.perUserDailyLimit).toBeNull();
    expect(c.active).toBe(true);
  });

  it("validates GTINs with their check digits and names the bad ones", () => {
    const r = campaignInputSchema.safeParse({ ...base, gtins: ["4601234567893", "4601234567890"] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["gtins", 1], message: "4601234567890: Wrong check digit: expected 3" });
    const ok = campaignInputSchema.parse({ ...base, gtins: ["4601234567893", "04601234567893"] });
    expect(ok.gtins).toEqual(["04601234567893"]);
  });

  it("rejects an end before the start, bad numbers and over-long texts", () => {
    const bad = (over: object) => campaignInputSchema.safeParse({ ...base, ...over }).error?.issues[0].path;
    expect(bad({ endsOn: "2026-02-01" })).toEqual(["endsOn"]);
    expect(bad({ bonusPoints: "1.5" })).toEqual(["bonusPoints"]);
    expect(bad({ perUserDailyLimit: 0 })).toEqual(["perUserDailyLimit"]);
    expect(bad({ name: " " })).toEqual(["name"]);
    expect(bad({ texts: { approved: { ru: { alertTitle: "x".repeat(121) } } } })).toEqual(["texts", "approved", "ru", "alertTitle"]);
  });

  it("drops blank texts so the defaults apply, and accepts an open end", () => {
    const c = campaignInputSchema.parse({ ...base, endsOn: "", perUserDailyLimit: "", texts: { approved: { ru: { alertTitle: "  ", statusMessage: "Ура" } } } });
    expect(c.endsAt).toBeNull();
    expect(c.texts.approved?.ru).toEqual({ alertTitle: undefined, alertMessage: undefined, statusMessage: "Ура" });
  });

  it("reads stored texts leniently", () => {
    expect(parseCampaignTexts({ limit: { en: { alertTitle: "Limit" } } })).toEqual({ limit: { en: { alertTitle: "Limit" } } });
    expect(parseCampaignTexts("garbage")).toEqual({});
    expect(parseCampaignTexts(null)).toEqual({});
  });
});

describe("campaignState", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("tells running, scheduled, ended and inactive apart", () => {
    const c = (startsAt: string, endsAt: string | null, active = true) => campaignState({ active, startsAt: new Date(startsAt), endsAt: endsAt ? new Date(endsAt) : null }, now);
    expect(c("2026-03-01", "2026-04-01")).toBe("running");
    expect(c("2026-03-01", null)).toBe("running");
    expect(c("2026-03-11", null)).toBe("scheduled");
    expect(c("2026-03-01", "2026-03-10T12:00:00Z")).toBe("ended");
    expect(c("2026-03-01", null, false)).toBe("inactive");
  });
});
