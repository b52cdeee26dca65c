// GTIN arithmetic shared by the barcode decoder and the campaigns' GTIN lists.

import type { MessageRef } from "@/lib/http/app-error";

/** The GS1 mod-10 check digit for the digits before it (weights 3,1,3,… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for an all-digit string whose last digit is the correct GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/** `error` is English (API, logs, decoded codes); `problem` is its `validation` catalogue message for staff. */
export type GtinResult = { ok: true; gtin: string } | { ok: false; error: string; problem: MessageRef };

/**
 * Accepts a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14 and returns it as 14 digits, the form
 * marking codes carry in AI 01: an EAN-13 printed on a box and the GTIN in its DataMatrix then compare equal.
 */
export function normalizeGtin(input: string): GtinResult {
  const value = input.trim();
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits)) return { ok: false, error: "A GTIN has digits only", problem: { key: "gtinDigitsOnly", values: { value } } };
  if (![8, 12, 13, 14].includes(digits.length)) {
    return { ok: false, error: "A GTIN has 8, 12, 13 or 14 digits", problem: { key: "gtinLength", values: { value } } };
  }
  if (!hasValidCheckDigit(digits)) {
    const expected = gs1CheckDigit(digits.slice(0, -1));
    return { ok: false, error: `Wrong check digit: expected ${expected}`, problem: { key: "gtinCheckDigit", values: { value, expected } } };
  }
  return { ok: true, gtin: digits.padStart(14, "0") };
}

/** The shortest usual form for display: a GTIN-14 with leading zeros shown as EAN-13 or EAN-8. */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith("000000")) return gtin14.slice(6);
  if (gtin14.startsWith("0")) return gtin14.slice(1);
  return gtin14;
}
