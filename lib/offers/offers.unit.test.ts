import { describe, expect, it } from "vitest";
import { exclusionReasons, offerStatus, type EligibilityFacts } from "@/lib/offers/offer-status";
import { offerInputSchema, offersRequestSchema, redeemRequestSchema } from "@/lib/offers/offers.schema";
import { describeProblems, parseCsvColumn } from "@/lib/offers/parse-csv-column";

const now = new Date("2026-03-01T12:00:00Z");
const hourAgo = new Date(now.getTime() - 3600_000);
const hourLater = new Date(now.getTime() + 3600_000);

describe("offerStatus", () => {
  it("tells inactive, scheduled, expired and current apart", () => {
    expect(offerStatus({ active: false, startsAt: null, expiresAt: null }, now)).toBe("inactive");
    expect(offerStatus({ active: true, startsAt: hourLater, expiresAt: null }, now)).toBe("scheduled");
    expect(offerStatus({ active: true, startsAt: null, expiresAt: hourAgo }, now)).toBe("expired");
    expect(offerStatus({ active: true, startsAt: hourAgo, expiresAt: hourLater }, now)).toBe("current");
    expect(offerStatus({ active: true, startsAt: now, expiresAt: null }, now)).toBe("current");
    // Expiry is exclusive: at the expiry instant the offer is over, as in the webhook's SQL.
    expect(offerStatus({ active: true, startsAt: null, expiresAt: now }, now)).toBe("expired");
  });
});

describe("exclusionReasons", () => {
  const base: EligibilityFacts = {
    active: true,
    startsAt: null,
    expiresAt: null,
    targeting: "everyone",
    promocodeMode: "shared",
    matchesSegment: false,
    matchesUser: false,
    poolHasCode: false,
  };

  it("is empty for an offer the user gets", () => {
    expect(exclusionReasons(base, now)).toEqual([]);
    expect(exclusionReasons({ ...base, targeting: "segments", matchesSegment: true }, now)).toEqual([]);
    expect(exclusionReasons({ ...base, targeting: "users", matchesUser: true, promocodeMode: "pool", poolHasCode: true }, now)).toEqual([]);
  });

  it("lists every reason, in order", () => {
    const facts: EligibilityFacts = { ...base, active: false, expiresAt: hourAgo, targeting: "segments", promocodeMode: "pool" };
    expect(exclusionReasons(facts, now)).toEqual(["inactive", "expired", "notTargeted", "poolExhausted"]);
    expect(exclusionReasons({ ...base, startsAt: hourLater }, now)).toEqual(["notStarted"]);
  });

  it("does not count a user-list match for a segment-targeted offer", () => {
    expect(exclusionReasons({ ...base, targeting: "segments", matchesUser: true }, now)).toEqual(["notTargeted"]);
  });
});

describe("offersRequestSchema", () => {
  it("accepts the seed's request and numeric user ids, ignoring extra fields", () => {
    const parsed = offersRequestSchema.parse({ userId: 1234567890, segments: [{ id: "SALES", name: "Распродажи" }], key: "x" });
    expect(parsed).toEqual({ userId: "1234567890", segments: [{ id: "SALES", name: "Распродажи" }] });
  });

  it("treats missing segments as none", () => {
    expect(offersRequestSchema.parse({ userId: "u1" }).segments).toEqual([]);
  });

  it("names the field that is wrong", () => {
    const fieldsOf = (input: unknown) => offersRequestSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(fieldsOf({ segments: [] })).toEqual(["userId"]);
    expect(fieldsOf({ userId: "  " })).toEqual(["userId"]);
    expect(fieldsOf({ userId: "u", segments: "SALES" })).toEqual(["segments"]);
    expect(fieldsOf({ userId: "u", segments: [{ name: "x" }] })).toEqual(["segments.0.id"]);
  });
});

describe("redeemRequestSchema", () => {
  it("makes an empty code no code", () => {
    expect(redeemRequestSchema.parse({ offerId: "PROMO-1", userId: "u", code: "" }).code).toBeNull();
  });
});

describe("offerInputSchema", () => {
  const valid = {
    id: "PROMO-1",
    name: "Скидка",
    promocodeMode: "shared",
    promocode: "HUGO1000",
    barcodeType: "qr",
    online: true,
    offline: false,
    targeting: "everyone",
  };

  it("accepts a shared offer and fills defaults", () => {
    const parsed = offerInputSchema.parse(valid);
    expect(parsed).toMatchObject({ description: "", active: true, startsAt: null, expiresAt: null, segmentIds: [] });
  });

  it("requires the promocode for a shared offer, a segment for segment targeting, and a channel", () => {
    const issues = offerInputSchema.safeParse({ ...valid, promocode: "", targeting: "segments", online: false }).error?.issues ?? [];
    expect(issues.map((i) => i.path.join(".")).sort()).toEqual(["online", "promocode", "segmentIds"]);
  });

  it("refuses an expiry before the start, reserved and malformed ids, unknown barcode types", () => {
    const bad = (patch: object) => offerInputSchema.safeParse({ ...valid, ...patch }).error?.issues[0]?.path.join(".");
    expect(bad({ startsAt: "2026-03-02T00:00:00.000Z", expiresAt: "2026-03-01T00:00:00.000Z" })).toBe("expiresAt");
    expect(bad({ id: "preview" })).toBe("id");
    expect(bad({ id: "PROMO 1" })).toBe("id");
    expect(bad({ barcodeType: "qrcode" })).toBe("barcodeType");
  });
});

describe("parseCsvColumn", () => {
  it("reads the first column of comma, semicolon and quoted CSV, skipping the header, blanks and duplicates", () => {
    const csv = '\uFEFFcode;note\r\nAAA1;first\n\n"BB,2",x\nAAA1\n  CCC3\t1\n';
    const parsed = parseCsvColumn(csv, { headers: ["code"], maxLength: 10 });
    expect(parsed.values).toEqual([
      { value: "AAA1", line: 2 },
      { value: "BB,2", line: 4 },
      { value: "CCC3", line: 6 },
    ]);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.problems).toEqual([]);
  });

  it("keeps a first row that is not a header and reports values that are too long", () => {
    const parsed = parseCsvColumn("u1\nTOO-LONG-VALUE\n", { headers: ["userid"], maxLength: 5 });
    expect(parsed.values.map((v) => v.value)).toEqual(["u1"]);
    expect(describeProblems(parsed.problems)).toBe("line 2: longer than 5 characters");
  });
});
