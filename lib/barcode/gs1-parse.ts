import { lookupAi } from "@/lib/barcode/gs1-ai";
import { hasValidCheckDigit } from "@/lib/barcode/gtin";

export const GS = "\u001d";

export type Gs1Element = { ai: string; name: string; value: string };
export type Gs1Parse =
  | { ok: true; elements: Gs1Element[]; symbology: string | null; separatorsInferred: boolean }
  | { ok: false; error: string };

// Symbology identifiers that announce GS1 data: DataMatrix, GS1-128, QR, DataBar.
const GS1_SYMBOLOGIES = ["]d2", "]C1", "]Q3", "]e0", "]J1"];

// Ways scanners, apps and people write the GS separator / FNC1 when the raw byte did not survive.
// "<GS>" and the escaped forms come from copied documentation and keyboard-wedge scanners; 232 ("è")
// is how many DataMatrix decoders emit FNC1 (its codeword value).
const SEPARATOR_SPELLINGS = /<GS>|\{GS\}|<FNC1>|\\u001d|\\x1d|\u00e8/gi;

/**
 * True when the text announces itself as GS1 data (symbology id, leading FNC1/GS, brackets, or an AI 01
 * GTIN at the start): then a parse failure means a broken marking code, not some other kind of code.
 */
export function looksLikeGs1(text: string): boolean {
  const t = text.replace(SEPARATOR_SPELLINGS, GS);
  return (
    GS1_SYMBOLOGIES.some((s) => t.startsWith(s)) ||
    t.startsWith(GS) ||
    /^\(\d{2,4}\)/.test(t) ||
    /^01\d{14}/.test(t) ||
    t.includes(GS)
  );
}

/** Parses a GS1 element string (FNC1/GS separated, or the bracketed "(01)…(21)…" form). */
export function parseGs1(input: string): Gs1Parse {
  let text = input.replace(SEPARATOR_SPELLINGS, GS);
  let symbology: string | null = null;
  const sym = GS1_SYMBOLOGIES.find((s) => text.startsWith(s));
  if (sym) {
    symbology = sym;
    text = text.slice(sym.length);
  }
  if (/^\(\d{2,4}\)/.test(text)) return finish(parseBracketed(text), symbology, false);
  text = text.replace(/^\u001d+/, "").replace(/\u001d+$/, "");
  if (!text) return { ok: false, error: "Empty GS1 data" };
  const inferred = text.includes(GS) ? null : inferChestnyZnakSeparators(text);
  if (inferred) {
    const parsed = parseElementString(inferred);
    if (parsed.ok) return finish(parsed, symbology, true);
  }
  return finish(parseElementString(text), symbology, false);
}

function finish(
  parsed: { ok: true; elements: Gs1Element[] } | { ok: false; error: string },
  symbology: string | null,
  separatorsInferred: boolean,
): Gs1Parse {
  if (!parsed.ok) return parsed;
  const gtin = parsed.elements.find((e) => e.ai === "01" || e.ai === "02");
  if (gtin && !hasValidCheckDigit(gtin.value)) {
    return { ok: false, error: `GTIN ${gtin.value} has a wrong check digit` };
  }
  return { ok: true, elements: parsed.elements, symbology, separatorsInferred };
}

type Step = { ok: true; elements: Gs1Element[] } | { ok: false; error: string };

function parseElementString(body: string): Step {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < body.length) {
    if (body[pos] === GS) {
      pos++;
      continue;
    }
    const spec = lookupAi(body.slice(pos));
    if (!spec) return { ok: false, error: `Unknown application identifier at position ${pos + 1}` };
    pos += spec.ai.length;
    let value: string;
    if (spec.length) {
      value = body.slice(pos, pos + spec.length);
      if (value.length < spec.length || value.includes(GS)) {
        return { ok: false, error: `AI ${spec.ai} needs ${spec.length} characters` };
      }
      pos += spec.length;
    } else {
      const end = body.indexOf(GS, pos);
      value = body.slice(pos, end < 0 ? body.length : end);
      if (value.length > (spec.max ?? 90)) {
        return { ok: false, error: `AI ${spec.ai} is longer than ${spec.max} characters (a GS separator missing?)` };
      }
      pos += value.length;
    }
    const bad = checkValue(spec.ai, value, spec.numeric);
    if (bad) return { ok: false, error: bad };
    elements.push({ ai: spec.ai, name: spec.name, value });
  }
  if (elements.length === 0) return { ok: false, error: "No GS1 elements" };
  return { ok: true, elements };
}

function parseBracketed(text: string): Step {
  const parts = text.split(/\((\d{2,4})\)/);
  // split with a capture group: ["", ai, value, ai, value, …]
  if (parts[0] !== "") return { ok: false, error: "Bracketed GS1 data must start with an AI" };
  const elements: Gs1Element[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const ai = parts[i];
    const value = parts[i + 1].replace(/\u001d/g, "");
    const spec = lookupAi(ai);
    if (!spec || spec.ai !== ai) return { ok: false, error: `Unknown application identifier (${ai})` };
    if (spec.length && value.length !== spec.length) {
      return { ok: false, error: `AI ${ai} needs ${spec.length} characters` };
    }
    if (!spec.length && value.length > (spec.max ?? 90)) {
      return { ok: false, error: `AI ${ai} is longer than ${spec.max} characters` };
    }
    const bad = checkValue(ai, value, spec.numeric);
    if (bad) return { ok: false, error: bad };
    elements.push({ ai, name: spec.name, value });
  }
  return { ok: true, elements };
}

function checkValue(ai: string, value: string, numeric?: boolean): string | null {
  if (value.length === 0) return `AI ${ai} is empty`;
  if (numeric && !/^\d+$/.test(value)) return `AI ${ai} must be digits`;
  // GS1 data is printable ASCII; anything else is a mangled scan.
  if (!/^[\x21-\x7e]+$/.test(value)) return `AI ${ai} has characters outside the GS1 set`;
  return null;
}

// Chestny ZNAK layouts by product group (serial length, then the crypto parts). Used only when a code
// arrives with its GS separators stripped, which some scanners and keyboard wedges do.
const CHESTNY_ZNAK_LAYOUTS: RegExp[] = [
  /^(.{13})(91.{4})(92.{44})$/, // shoes, clothing, tyres, perfume, cameras
  /^(.{13})(91.{4})(92.{88})$/,
  /^(.{7})(8005\d{6})(93.{4})$/, // tobacco (block)
  /^(.{13})(93.{4})(3103\d{6})$/, // dairy sold by weight
  /^(.{13})(93.{4})$/, // water, dairy, beer
  /^(.{6})(93.{4})$/, // dairy
];

function inferChestnyZnakSeparators(text: string): string | null {
  const head = /^(01\d{14})21(.+)$/.exec(text);
  if (!head) return null;
  for (const layout of CHESTNY_ZNAK_LAYOUTS) {
    const m = layout.exec(head[2]);
    if (m) return `${head[1]}21${m[1]}${GS}${m.slice(2).join(GS)}`;
  }
  return null;
}
