import { bytesToString, isPlainText, strictBase64Bytes } from "@/lib/barcode/base64-payload";
import { parseGs1, looksLikeGs1, type Gs1Element } from "@/lib/barcode/gs1-parse";
import { hasValidCheckDigit } from "@/lib/barcode/gtin";
import { summarizeGs1, type Gs1Summary } from "@/lib/barcode/gs1-summary";

export type CodeKind = "gs1" | "tobacco_pack" | "ean13" | "ean8" | "upc" | "gtin14" | "text" | "unparseable";

export type DecodedBarcode = {
  /** How the barcode string was read. */
  encoding: "text" | "base64";
  kind: CodeKind;
  /** Normalised code: the bracketed element string for GS1, the digits for EAN/UPC, else the text as sent. */
  code: string;
  /** What "registered before" compares: GTIN + serial for a marking code, otherwise the code. */
  identity: string;
  /** GTIN as 14 digits, when the code names a product. */
  gtin: string | null;
  serial: string | null;
  elements: Gs1Element[];
  summary: Gs1Summary;
  symbology: string | null;
  separatorsInferred: boolean;
  /** Why a code that looked like a product code could not be read. */
  error: string | null;
};

/**
 * Decodes the `barcode` IMSHOP sends. A string that already reads as a product code is text; otherwise
 * valid base64 whose bytes are not plain text (a DataMatrix with GS separators, binary data) is decoded;
 * base64 of plain text stays as sent, per the contract. Base64 whose bytes form a valid GS1 code is
 * decoded too: a random text code cannot decode to a GS1 string with a correct check digit.
 */
export function decodeBarcode(barcode: string): DecodedBarcode {
  const trimmed = barcode.replace(/^[\s\u0000]+|[\s\u0000]+$/g, "");
  const asText = classify(trimmed, "text");
  if (asText.gtin) return asText;
  const bytes = strictBase64Bytes(trimmed);
  if (bytes) {
    const asBinary = classify(bytesToString(bytes).replace(/^[\r\n\u0000]+|[\r\n\u0000]+$/g, ""), "base64");
    if (asBinary.gtin) return asBinary;
    if (!isPlainText(bytes)) {
      // A GS1 code without a GTIN, or a broken one: keep what it said so staff can see why.
      if (asBinary.kind !== "text" && asBinary.code) return asBinary;
      return { ...empty("base64", trimmed), kind: "unparseable", error: "Binary data that is not a GS1 code" };
    }
  }
  return asText;
}

function classify(text: string, encoding: DecodedBarcode["encoding"]): DecodedBarcode {
  if (!text) return { ...empty(encoding, text), kind: "unparseable", error: "Empty code" };
  const plain = classifyPlainNumber(text, encoding);
  if (plain) return plain;
  if (looksLikeGs1(text) || /^[\x21-\x7e]{29}$/.test(text)) {
    const parsed = parseGs1(text);
    if (parsed.ok) {
      const summary = summarizeGs1(parsed.elements);
      const gtin = summary.gtin ?? null;
      const serial = summary.serial ?? null;
      const code = parsed.elements.map((e) => `(${e.ai})${e.value}`).join("");
      return {
        encoding,
        kind: "gs1",
        code,
        identity: gtin && serial ? `(01)${gtin}(21)${serial}` : code,
        gtin,
        serial,
        elements: parsed.elements,
        summary,
        symbology: parsed.symbology,
        separatorsInferred: parsed.separatorsInferred,
        error: null,
      };
    }
    const pack = classifyTobaccoPack(text, encoding);
    if (pack) return pack;
    if (looksLikeGs1(text)) return { ...empty(encoding, text), kind: "unparseable", error: parsed.error };
  }
  return empty(encoding, text);
}

const PLAIN_KINDS: Record<number, CodeKind> = { 8: "ean8", 12: "upc", 13: "ean13", 14: "gtin14" };

function classifyPlainNumber(text: string, encoding: DecodedBarcode["encoding"]): DecodedBarcode | null {
  if (!/^\d+$/.test(text) || !PLAIN_KINDS[text.length]) return null;
  if (!hasValidCheckDigit(text)) {
    return { ...empty(encoding, text), kind: "unparseable", error: `${text.length}-digit code with a wrong check digit` };
  }
  const gtin = text.padStart(14, "0");
  return { ...empty(encoding, text), kind: PLAIN_KINDS[text.length], gtin, summary: { gtin } };
}

// A Chestny ZNAK cigarette pack carries 29 characters with no AIs: GTIN (14), serial (7), price code (4),
// crypto tail (4).
function classifyTobaccoPack(text: string, encoding: DecodedBarcode["encoding"]): DecodedBarcode | null {
  const m = /^(\d{14})([\x21-\x7e]{7})([\x21-\x7e]{4})([\x21-\x7e]{4})$/.exec(text);
  if (!m || !hasValidCheckDigit(m[1])) return null;
  const [, gtin, serial, priceCode, cryptoTail] = m;
  const elements: Gs1Element[] = [
    { ai: "01", name: "gtin", value: gtin },
    { ai: "21", name: "serial", value: serial },
    { ai: "", name: "priceCode", value: priceCode },
    { ai: "", name: "cryptoTail", value: cryptoTail },
  ];
  return {
    ...empty(encoding, text),
    kind: "tobacco_pack",
    identity: `(01)${gtin}(21)${serial}`,
    gtin,
    serial,
    elements,
    summary: { gtin, serial, cryptoTail },
  };
}

function empty(encoding: DecodedBarcode["encoding"], text: string): DecodedBarcode {
  return {
    encoding,
    kind: "text",
    code: text,
    identity: text,
    gtin: null,
    serial: null,
    elements: [],
    summary: {},
    symbology: null,
    separatorsInferred: false,
    error: null,
  };
}
