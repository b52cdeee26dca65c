// Telling base64 apart from text. IMSHOP sends "text, or base64 for binary codes" with no flag saying which,
// and many plain codes (an EAN-8, a 12-digit UPC, "ABCD") are also valid base64. The contract's rule:
// base64 when the string is valid base64 of non-text bytes, else text.

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of a canonical base64 string (padding required, re-encoding gives the same text), else null. */
export function strictBase64Bytes(value: string): Buffer | null {
  if (value.length < 4 || !STRICT_BASE64.test(value)) return null;
  const bytes = Buffer.from(value, "base64");
  if (bytes.length === 0 || bytes.toString("base64") !== value) return null;
  return bytes;
}

/** Text = valid UTF-8 without control characters (tab, CR and LF allowed). GS makes it binary. */
export function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/.test(text);
}

/** Bytes as a string: UTF-8 when they are valid UTF-8, else Latin-1 so every byte survives. */
export function bytesToString(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}
