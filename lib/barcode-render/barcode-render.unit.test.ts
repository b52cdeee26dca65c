import { describe, expect, it } from "vitest";
import { BARCODE_TYPE_IDS, DEFAULT_BARCODE_TYPE, isBarcodeType, toBcid } from "@/lib/barcode-render/barcode-types";
import { barcodeListProblems, barcodeTextProblem, renderBarcode } from "@/lib/barcode-render/render-barcode";

describe("barcode type mapping", () => {
  it("maps IMSHOP's wire names to bwip-js encoders", () => {
    expect(toBcid("code128")).toBe("code128");
    expect(toBcid("qr")).toBe("qrcode");
    expect(toBcid("aztec")).toBe("azteccode");
    expect(toBcid("datamatrix")).toBe("datamatrix");
    expect(DEFAULT_BARCODE_TYPE).toBe("code128");
  });

  it("knows only the listed wire names", () => {
    expect(isBarcodeType("qr")).toBe(true);
    expect(isBarcodeType("qrcode")).toBe(false);
    expect(isBarcodeType("toString")).toBe(false);
    expect(isBarcodeType(undefined)).toBe(false);
    expect(() => toBcid("qrcode" as never)).toThrow(/Unknown barcode type/);
  });

  it("every listed type can draw a plausible promocode for it", () => {
    const sample: Record<string, string> = { ean13: "460123456789", ean8: "1234567", upca: "03600029145", itf14: "1234567890123" };
    for (const type of BARCODE_TYPE_IDS) {
      expect(barcodeTextProblem(type, sample[type] ?? "HUGO1000"), type).toBeNull();
    }
  });
});

describe("barcode text validation", () => {
  it("refuses letters in EAN-13 with the encoder's reason", () => {
    expect(barcodeTextProblem("ean13", "HUGO1000")).toMatch(/EAN-13/);
  });

  it("refuses a wrong EAN-13 check digit and accepts the right one", () => {
    expect(barcodeTextProblem("ean13", "4601234567890")).toMatch(/check digit/i);
    expect(barcodeTextProblem("ean13", "4601234567893")).toBeNull();
  });

  it("refuses lowercase in Code 39", () => {
    expect(barcodeTextProblem("code39", "hugo")).toMatch(/Code 39/);
  });

  it("refuses non-ASCII in linear codes but carries it in QR", () => {
    expect(barcodeTextProblem("code128", "СКИДКА")).toMatch(/Latin/);
    expect(barcodeTextProblem("qr", "СКИДКА")).toBeNull();
  });

  it("refuses empty and oversized text", () => {
    expect(barcodeTextProblem("code128", "")).toMatch(/empty/);
    expect(barcodeTextProblem("qr", "x".repeat(1001))).toMatch(/longer/);
  });
});

describe("barcodeListProblems", () => {
  it("points at each bad code by index, up to the limit", () => {
    expect(barcodeListProblems("ean13", ["4601234567893", "ABC", "4601234567890"])).toEqual([
      { index: 1, reason: expect.stringMatching(/EAN-13/) },
      { index: 2, reason: expect.stringMatching(/check digit/i) },
    ]);
    expect(barcodeListProblems("code128", ["OK1", "ПЛОХО", "ОЧЕНЬ"], 1)).toEqual([{ index: 1, reason: expect.stringMatching(/Latin/) }]);
    expect(barcodeListProblems("qr", ["ЛЮБОЙ", "any"])).toEqual([]);
  });
});

describe("renderBarcode", () => {
  it("renders SVG", async () => {
    const out = await renderBarcode({ type: "qr", text: "HUGO1000", format: "svg" });
    expect(out.contentType).toBe("image/svg+xml");
    expect(String(out.body)).toMatch(/^<svg /);
  });

  it("renders PNG", async () => {
    const out = await renderBarcode({ type: "code128", text: "HUGO1000", format: "png" });
    expect(out.contentType).toBe("image/png");
    expect(Buffer.isBuffer(out.body) && out.body.subarray(1, 4).toString()).toBe("PNG");
  });

  it("throws for text the type cannot carry", async () => {
    await expect(renderBarcode({ type: "ean13", text: "ABC", format: "png" })).rejects.toThrow(/EAN-13/);
  });
});
