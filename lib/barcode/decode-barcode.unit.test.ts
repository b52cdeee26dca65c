import { describe, expect, it } from "vitest";
import { decodeBarcode } from "@/lib/barcode/decode-barcode";

const GS = "\u001d";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

// Real-world shapes of Chestny ZNAK marking codes (values are made up, check digits are right).
const CIGARETTES = `010460043993125621JgXJ5.T${GS}8005112000${GS}930001`;
const SHOE_CRYPTO = "MEUCIQDx3Lz8kP0tQ1vYh7Rk5b2n9sWq4Xc6Ue1oA8jB"; // 44 characters
const SHOES = `010460123456789321aB3cD7eF9gH1k${GS}91EE06${GS}92${SHOE_CRYPTO}`;
const MILK = `010460700843334021aB1cD2${GS}93Xy9z${GS}3103000450${GS}17250500`;

describe("decodeBarcode: Chestny ZNAK / GS1 marking codes", () => {
  it("reads a cigarette block code with GS separators", () => {
    const d = decodeBarcode(CIGARETTES);
    expect(d).toMatchObject({ encoding: "text", kind: "gs1", gtin: "04600439931256", serial: "JgXJ5.T", error: null });
    expect(d.code).toBe("(01)04600439931256(21)JgXJ5.T(8005)112000(93)0001");
    expect(d.identity).toBe("(01)04600439931256(21)JgXJ5.T");
    expect(d.summary).toMatchObject({ priceKopecks: 112000, cryptoTail: "0001" });
    expect(d.separatorsInferred).toBe(false);
  });

  it("reads a shoe code with key id (91) and crypto code (92)", () => {
    const d = decodeBarcode(SHOES);
    expect(d.kind).toBe("gs1");
    expect(d.gtin).toBe("04601234567893");
    expect(d.serial).toBe("aB3cD7eF9gH1k");
    expect(d.summary).toMatchObject({ cryptoKeyId: "EE06", cryptoCode: SHOE_CRYPTO });
    expect(d.elements.map((e) => e.ai)).toEqual(["01", "21", "91", "92"]);
  });

  it("reads a dairy code with weight (3103) and expiry (17, day 00 = end of month)", () => {
    const d = decodeBarcode(MILK);
    expect(d.gtin).toBe("04607008433340");
    expect(d.serial).toBe("aB1cD2");
    expect(d.summary).toMatchObject({ cryptoTail: "Xy9z", netWeightKg: 0.45, expiry: "2025-05-31" });
  });

  it("reads batch (10) after a fixed-length expiry without a separator", () => {
    const d = decodeBarcode(`0104601234567893172612311012345A${GS}21SER1`);
    expect(d.summary).toMatchObject({ expiry: "2026-12-31", batch: "12345A", serial: "SER1" });
  });

  it("gives the same code and identity whatever the separators and prefixes", () => {
    const variants = [
      SHOES,
      `]d2${SHOES}`,
      `${GS}${SHOES}`,
      `]d2${GS}${SHOES}`,
      `\u00e8${SHOES.replaceAll(GS, "\u00e8")}`,
      SHOES.replaceAll(GS, "<GS>"),
      SHOES.replaceAll(GS, "\\u001d"),
      `(01)04601234567893(21)aB3cD7eF9gH1k(91)EE06(92)${SHOE_CRYPTO}`,
      `${SHOES}\r\n`,
    ];
    const expected = decodeBarcode(SHOES);
    for (const v of variants) {
      const d = decodeBarcode(v);
      expect(d.kind, v).toBe("gs1");
      expect(d.code, v).toBe(expected.code);
      expect(d.identity, v).toBe(expected.identity);
    }
    expect(decodeBarcode(`]d2${SHOES}`).symbology).toBe("]d2");
  });

  it("recovers Chestny ZNAK codes whose GS separators were stripped by the scanner", () => {
    const shoes = decodeBarcode(SHOES.replaceAll(GS, ""));
    expect(shoes).toMatchObject({ kind: "gs1", serial: "aB3cD7eF9gH1k", separatorsInferred: true });
    expect(shoes.code).toBe(decodeBarcode(SHOES).code);
    const cigarettes = decodeBarcode(CIGARETTES.replaceAll(GS, ""));
    expect(cigarettes).toMatchObject({ serial: "JgXJ5.T", separatorsInferred: true });
    expect(cigarettes.summary.cryptoTail).toBe("0001");
  });

  it("reads a 29-character cigarette pack code (no AIs)", () => {
    const d = decodeBarcode("04600439931256JgXJ5.TAB12cD34");
    expect(d).toMatchObject({ kind: "tobacco_pack", gtin: "04600439931256", serial: "JgXJ5.T" });
    expect(d.identity).toBe("(01)04600439931256(21)JgXJ5.T");
    expect(d.summary.cryptoTail).toBe("cD34");
  });

  it("rejects a marking code whose GTIN check digit is wrong", () => {
    const d = decodeBarcode(`010460043993125521JgXJ5.T${GS}930001`);
    expect(d.kind).toBe("unparseable");
    expect(d.gtin).toBeNull();
    expect(d.error).toMatch(/check digit/);
  });

  it("rejects truncated and unknown application identifiers", () => {
    expect(decodeBarcode("]d2010460043993125").error).toMatch(/needs 14 characters/);
    expect(decodeBarcode(`0104600439931256${GS}77abc`).error).toMatch(/Unknown application identifier/);
    expect(decodeBarcode("(01)04600439931256(21)").error).toMatch(/empty/);
    expect(decodeBarcode(`0104600439931256${GS}17ABCDEF`).error).toMatch(/digits/);
  });

  it("keeps a GS1 code without a GTIN but has no product for it", () => {
    const d = decodeBarcode("(00)046012345678901234");
    expect(d.kind).toBe("gs1");
    expect(d.gtin).toBeNull();
  });
});

describe("decodeBarcode: linear product codes", () => {
  it("reads EAN-13, EAN-8, UPC-A and GTIN-14 into 14-digit GTINs", () => {
    expect(decodeBarcode("4601234567893")).toMatchObject({ kind: "ean13", gtin: "04601234567893", code: "4601234567893" });
    expect(decodeBarcode("96385074")).toMatchObject({ kind: "ean8", gtin: "00000096385074", encoding: "text" });
    expect(decodeBarcode("036000291452")).toMatchObject({ kind: "upc", gtin: "00036000291452", encoding: "text" });
    expect(decodeBarcode("04600439931256")).toMatchObject({ kind: "gtin14", gtin: "04600439931256" });
  });

  it("rejects a linear code with a wrong check digit", () => {
    const d = decodeBarcode("4601234567890");
    expect(d).toMatchObject({ kind: "unparseable", gtin: null });
    expect(d.error).toMatch(/check digit/);
  });
});

describe("decodeBarcode: base64 or text", () => {
  it("decodes base64 of a DataMatrix with GS separators (not plain text)", () => {
    const d = decodeBarcode(b64(CIGARETTES));
    expect(d).toMatchObject({ encoding: "base64", kind: "gs1", gtin: "04600439931256", serial: "JgXJ5.T" });
    expect(d.code).toBe(decodeBarcode(CIGARETTES).code);
  });

  it("keeps base64 of plain text as the text that was sent (the seed's example)", () => {
    const raw = "YXNkYXNkIGpha2RzIGxha2RzYWE=";
    expect(decodeBarcode(raw)).toMatchObject({ encoding: "text", kind: "text", code: raw, gtin: null });
  });

  it("decodes base64 whose text is a valid product code: a text code cannot be that by chance", () => {
    const d = decodeBarcode(b64("0104601234567893215aB3cD7eF9gH1k"));
    expect(d).toMatchObject({ encoding: "base64", kind: "gs1", gtin: "04601234567893" });
  });

  it("marks base64 of arbitrary binary data as unparseable, keeping the string as sent", () => {
    const raw = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f, 0x01]).toString("base64");
    expect(decodeBarcode(raw)).toMatchObject({ encoding: "base64", kind: "unparseable", code: raw, gtin: null });
  });

  it("does not take digit-only codes that are also valid base64 for base64", () => {
    expect(decodeBarcode("96385074").encoding).toBe("text");
    expect(decodeBarcode("036000291452").encoding).toBe("text");
  });

  it("treats non-canonical base64 and ordinary words as text", () => {
    expect(decodeBarcode("hello world")).toMatchObject({ kind: "text", code: "hello world" });
    expect(decodeBarcode("https://example.com/p/123?x=1").kind).toBe("text");
    expect(decodeBarcode("YWJj").encoding).toBe("text"); // "abc": plain text
  });

  it("marks an empty or blank code as unparseable", () => {
    expect(decodeBarcode("")).toMatchObject({ kind: "unparseable", error: "Empty code" });
    expect(decodeBarcode("  \r\n")).toMatchObject({ kind: "unparseable" });
  });
});
