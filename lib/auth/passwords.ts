import bcrypt from "bcryptjs";
import { createGate } from "@/lib/auth/hash-gate";

const COST = 11;
/** bcrypt reads only the first 72 bytes: a longer password would be accepted on its prefix alone. */
export const MAX_PASSWORD_BYTES = 72;
/** At most this many hashes at once; the rest queue (up to 50) and the others are refused. */
export const MAX_CONCURRENT_HASHES = 2;
export const passwordGate = createGate(MAX_CONCURRENT_HASHES, 50);

export function passwordBytes(plain: string): number {
  return Buffer.byteLength(plain, "utf8");
}

export async function hashPassword(plain: string): Promise<string> {
  if (passwordBytes(plain) > MAX_PASSWORD_BYTES) throw new Error(`passwords are limited to ${MAX_PASSWORD_BYTES} bytes`);
  return passwordGate.run(() => bcrypt.hash(plain, COST));
}

/** False (without hashing) for a password over 72 bytes: it could never have been set. */
export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (passwordBytes(plain) > MAX_PASSWORD_BYTES) return passwordGate.run(() => bcrypt.compare("", hash)).then(() => false);
  return passwordGate.run(() => bcrypt.compare(plain, hash));
}

let dummy: string | undefined;
/** Compared against when the e-mail is unknown, so a miss takes as long as a wrong password. */
export function dummyHash(): string {
  dummy ??= bcrypt.hashSync("not-a-real-password", COST);
  return dummy;
}
