import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Compares a presented secret with a stored sha-256 hex digest in constant time. */
export function matchesHash(presented: string, storedHex: string | null | undefined): boolean {
  if (!storedHex) return false;
  const a = Buffer.from(sha256Hex(presented), "hex");
  const b = Buffer.from(storedHex, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A presented secret against a configured plain one, in constant time; false when none is configured. */
export function matchesSecret(presented: string | null | undefined, configured: string | null | undefined): boolean {
  return !!presented && !!configured && matchesHash(presented, sha256Hex(configured));
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A random token with a readable prefix, e.g. `ick_…` for API keys. */
export function randomToken(prefix: string, length = 40): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}${out}`;
}
