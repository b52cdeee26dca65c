// Tills type phones every way: "+7 920 123-45-67", "8 (920) 1234567", "79201234567", "9201234567".
// They are stored as 11 digits starting with 7.

const PHONE_CHARS = /^\+?[\d\s()\-.]+$/;

/** The stored form `7XXXXXXXXXX` of a Russian phone number, or null when `input` is not one. */
export function normalizePhone(input: string): string | null {
  const text = input.trim();
  if (!PHONE_CHARS.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  const plus = text.startsWith("+");
  if (digits.length === 11 && digits[0] === "7") return digits;
  // "+8…" is not a Russian number; "8…" is the domestic trunk prefix.
  if (digits.length === 11 && digits[0] === "8" && !plus) return `7${digits.slice(1)}`;
  if (digits.length === 10 && !plus) return `7${digits}`;
  return null;
}

/** `+7 920 123-45-67` for showing a stored phone to staff. */
export function formatPhone(stored: string | null): string {
  if (!stored) return "";
  const m = stored.match(/^7(\d{3})(\d{3})(\d{2})(\d{2})$/);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : stored;
}
