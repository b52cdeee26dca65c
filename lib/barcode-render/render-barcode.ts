import bwipjs from "bwip-js/node";
import { BARCODE_TYPES, toBcid, type BarcodeType } from "@/lib/barcode-render/barcode-types";

export type BarcodeFormat = "svg" | "png";
export type RenderedBarcode = { contentType: string; body: string | Buffer };

export const MAX_BARCODE_TEXT = 1000;

// Linear symbologies carry ASCII at best; a letter outside it would be drawn as something no till reads back.
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * Why `text` cannot be drawn as `type`, in the encoder's own words ("EAN-13 must be 12 or 13 digits"),
 * or null when it can. Encoding is the only reliable check: bwip-js knows each symbology's rules.
 */
export function barcodeTextProblem(type: BarcodeType, text: string): string | null {
  try {
    check(type, text);
    bwipjs.raw(options(type, text));
    return null;
  } catch (error) {
    return describe(error);
  }
}

// Codes up to this length fit every 2D symbol (the smallest capacity, PDF417's, is about 1,100 bytes).
const SHORT_CODE = 200;

/**
 * The problems in a list of codes (a pool import), at most `limit`. Encoding a 2D symbol costs
 * milliseconds, too slow for tens of thousands of codes, so where the rule is known exactly (Code 128
 * carries any printable ASCII, a 2D symbol any short text) it is applied without encoding.
 */
export function barcodeListProblems(type: BarcodeType, codes: string[], limit = 10): { index: number; reason: string }[] {
  const problems: { index: number; reason: string }[] = [];
  const cheap = type === "code128" || BARCODE_TYPES[type].twoD;
  for (let index = 0; index < codes.length && problems.length < limit; index++) {
    const code = codes[index];
    let reason: string | null;
    if (cheap && code.length <= SHORT_CODE) {
      try {
        check(type, code);
        reason = null;
      } catch (error) {
        reason = describe(error);
      }
    } else {
      reason = barcodeTextProblem(type, code);
    }
    if (reason) problems.push({ index, reason });
  }
  return problems;
}

/** Draws the barcode as the till will scan it: SVG for the dashboard, PNG for anything that needs pixels. */
export async function renderBarcode({ type, text, format }: { type: BarcodeType; text: string; format: BarcodeFormat }): Promise<RenderedBarcode> {
  if (format === "svg") return { contentType: "image/svg+xml", body: renderSvg(type, text) };
  check(type, text);
  const body = await bwipjs.toBuffer(options(type, text));
  return { contentType: "image/png", body };
}

function renderSvg(type: BarcodeType, text: string): string {
  check(type, text);
  return bwipjs.toSVG(options(type, text));
}

function check(type: BarcodeType, text: string): void {
  if (text.length === 0) throw new BarcodeTextError("The text is empty");
  if (text.length > MAX_BARCODE_TEXT) throw new BarcodeTextError(`The text is longer than ${MAX_BARCODE_TEXT} characters`);
  if (!BARCODE_TYPES[type].twoD && !PRINTABLE_ASCII.test(text)) {
    throw new BarcodeTextError(`${BARCODE_TYPES[type].label} can only carry Latin letters, digits, spaces and ASCII symbols`);
  }
}

function options(type: BarcodeType, text: string) {
  const { twoD } = BARCODE_TYPES[type];
  // 2D symbols carry bytes: encode UTF-8 so a scanner reading UTF-8 (the usual default) gets the text back.
  const encoded = twoD ? Buffer.from(text, "utf8").toString("latin1") : text;
  return twoD
    ? { bcid: toBcid(type), text: encoded, scale: 4, padding: 4, backgroundcolor: "FFFFFF" }
    : { bcid: toBcid(type), text: encoded, scale: 2, height: 14, includetext: true, textxalign: "center" as const, padding: 6, backgroundcolor: "FFFFFF" };
}

class BarcodeTextError extends Error {}

/** bwip-js throws "bwipp.ean13badLength#6878: EAN-13 must be 12 or 13 digits": keep the human part. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^bwip(?:p|-js)[^:]*:\s*/i, "").trim() || "The text cannot be encoded in this barcode type";
}
