import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummy: string | undefined;
/** Compared against when the e-mail is unknown, so a miss takes as long as a wrong password. */
export function dummyHash(): string {
  dummy ??= bcrypt.hashSync("not-a-real-password", COST);
  return dummy;
}
