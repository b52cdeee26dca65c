import iconv from "iconv-lite";
import { detectDelimiter } from "@/lib/csv/parse-csv-text";

export type FileFormat = { encoding: "utf-8" | "windows-1251"; delimiter: "," | ";" | "\t" };

/**
 * The encoding and field separator of a CSV file, from its first bytes. Excel on a Russian Windows saves
 * "CSV" in Windows-1251, which is not valid UTF-8: such a sample whose high bytes are mostly Cyrillic
 * letters in 1251 is decoded as 1251. Anything else that is not text (NUL bytes: UTF-16, a spreadsheet's
 * zip, an image) is refused: null.
 */
export function detectFormat(sample: Uint8Array): FileFormat | null {
  if (sample.includes(0)) return null;
  const encoding = isUtf8(sample) ? "utf-8" : looksLike1251(sample) ? "windows-1251" : null;
  if (!encoding) return null;
  const text = encoding === "utf-8" ? Buffer.from(sample).toString("utf8") : iconv.decode(Buffer.from(sample), "win1251");
  return { encoding, delimiter: detectDelimiter(text) };
}

/** Valid UTF-8, allowing the sample to end inside a character (it is cut from a longer file). */
function isUtf8(sample: Uint8Array): boolean {
  let end = sample.length;
  // Step back over at most 3 continuation bytes and their lead byte, if the sequence is incomplete.
  for (let back = 1; back <= 4 && end - back >= 0; back++) {
    const byte = sample[end - back];
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** High bytes mostly in 1251's letter range (А–я 0xC0–0xFF, Ё 0xA8, ё 0xB8), and no C1 control bytes it never uses. */
function looksLike1251(sample: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  for (const byte of sample) {
    if (byte < 0x80) continue;
    high++;
    if (byte >= 0xc0 || byte === 0xa8 || byte === 0xb8) letters++;
    if (byte === 0x98) return false;
  }
  return high > 0 && letters / high >= 0.6;
}
