import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBarcode } from "@/lib/barcode/decode-barcode";
import { decodeErrorMessage } from "@/lib/barcode/decode-error-message";

const GS = "\u001d";
const detail = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "scans.json"), "utf8")).detail.decodeErrors;

describe("decode errors in the staff's language", () => {
  // Codes the parser refuses, each for another reason: a reason without a pattern would reach staff in English.
  const refused = [
    "",
    "4601234567890",
    "0104601234567890",
    "01046012345678932",
    `0104601234567893${GS}21`,
    `0104601234567893${GS}30AB`,
    "(01)04601234567893(99",
    "(01)04601234567893(77)12",
  ];

  it("recognises every reason the parser gives for these codes", () => {
    const errors = refused.map((code) => decodeBarcode(code).error).filter((e): e is string => !!e);
    expect(errors.length).toBeGreaterThan(4);
    for (const error of errors) expect(decodeErrorMessage(error), error).not.toBeNull();
  });

  it("takes the numbers out of the reason for the message", () => {
    expect(decodeErrorMessage("AI 21 is longer than 20 characters (a GS separator missing?)")).toEqual({ key: "aiTooLong", values: { ai: "21", max: "20" } });
    expect(decodeErrorMessage("GTIN 04601234567890 has a wrong check digit")).toEqual({ key: "gtinCheckDigit", values: { gtin: "04601234567890" } });
    expect(decodeErrorMessage("something new")).toBeNull();
  });

  it("has a message for every key in both languages", () => {
    const keys = ["binary", "emptyCode", "checkDigit", "gtinCheckDigit", "unknownAiAt", "unknownAi", "aiLength", "aiTooLong", "aiEmpty", "aiDigits", "aiCharset", "noElements", "bracketStart"];
    for (const locale of ["ru", "en"]) expect(Object.keys(detail(locale)).sort()).toEqual([...keys].sort());
  });
});
