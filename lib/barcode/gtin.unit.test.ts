import { describe, expect, it } from "vitest";
import { displayGtin, gs1CheckDigit, hasValidCheckDigit, normalizeGtin } from "@/lib/barcode/gtin";
import { gs1Date } from "@/lib/barcode/gs1-summary";

describe("GTIN check digits", () => {
  it("computes the GS1 mod-10 digit", () => {
    expect(gs1CheckDigit("460123456789")).toBe(3);
    expect(gs1CheckDigit("0460043993125")).toBe(6);
    expect(gs1CheckDigit("9638507")).toBe(4);
    expect(hasValidCheckDigit("4601234567893")).toBe(true);
    expect(hasValidCheckDigit("4601234567894")).toBe(false);
    expect(hasValidCheckDigit("46O1234567893")).toBe(false);
  });

  it("normalises GTIN-8/12/13/14 to 14 digits and explains rejections", () => {
    expect(normalizeGtin("4601234567893")).toEqual({ ok: true, gtin: "04601234567893" });
    expect(normalizeGtin(" 4601234-567893 ")).toEqual({ ok: true, gtin: "04601234567893" });
    expect(normalizeGtin("96385074")).toEqual({ ok: true, gtin: "00000096385074" });
    expect(normalizeGtin("04600439931256")).toEqual({ ok: true, gtin: "04600439931256" });
    expect(normalizeGtin("4601234567890")).toEqual({ ok: false, error: "Wrong check digit: expected 3", problem: { key: "gtinCheckDigit", values: { value: "4601234567890", expected: 3 } } });
    expect(normalizeGtin("123")).toMatchObject({ ok: false });
    expect(normalizeGtin("abc")).toMatchObject({ ok: false });
  });

  it("shows the short form", () => {
    expect(displayGtin("04601234567893")).toBe("4601234567893");
    expect(displayGtin("00000096385074")).toBe("96385074");
    expect(displayGtin("14601234567890")).toBe("14601234567890");
  });
});

describe("gs1Date", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  it("reads YYMMDD with GS1's century rule and day 00", () => {
    expect(gs1Date("261231", now)).toBe("2026-12-31");
    expect(gs1Date("990101", now)).toBe("1999-01-01");
    expect(gs1Date("240200", now)).toBe("2024-02-29");
    expect(gs1Date("241301", now)).toBeNull();
    expect(gs1Date("240231", now)).toBeNull();
  });
});
