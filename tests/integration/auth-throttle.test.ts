import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import { hashPassword } from "@/lib/auth/passwords";
import {
  ADDRESS_LIMIT,
  attemptKeys,
  BASE_DELAY_MS,
  isBlocked,
  PAIR_LIMIT,
  reserveAttempt,
} from "@/lib/auth/sign-in-throttle";
import { markSocketStampInstalled, normalizeAddress, SOCKET_ADDRESS_HEADER } from "@/lib/http/client-address";

type Authorize = (credentials: Record<string, string>, req: unknown) => Promise<{ id: string } | null>;
// CredentialsProvider keeps the user's authorize() under `options`; the top-level one is a placeholder.
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
// next-auth hands authorize() the request's headers as a plain object; the server stamps the socket address.
const signIn = (email: string, password: string, address: string) =>
  authorize({ email, password }, { headers: { [SOCKET_ADDRESS_HEADER]: address, "x-forwarded-for": "203.0.113.250" } });

let n = 0;
const nextAddress = () => `198.51.100.${(n = (n % 250) + 1)}`;
// Written the way normalizeAddress() prints it, so audit entries compare equal.
const uniqueAddress = () => normalizeAddress(`2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`)!;

async function makeUser(password: string) {
  const email = `throttle-${randomUUID()}@example.com`;
  await prisma.user.create({ data: { email, role: "admin", passwordHash: await hashPassword(password) } });
  return email;
}

const auditActions = (entityId: string) =>
  prisma.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } }).then((rows) => rows.map((r) => r.action));

beforeAll(() => markSocketStampInstalled());

describe("sign-in throttle", () => {
  it("an address spraying ten e-mails is refused, while the admin signs in from another address", async () => {
    const admin = await makeUser("right-password");
    const attacker = uniqueAddress();
    for (let i = 0; i < ADDRESS_LIMIT - 1; i++) expect(await signIn(`nobody-${i}-${randomUUID()}@example.com`, "guess", attacker)).toBeNull();
    expect(await signIn(admin, "wrong", attacker)).toBeNull();
    // Ten failures from this address: it is refused, even with the right password.
    await expect(signIn(admin, "right-password", attacker)).rejects.toThrow("Throttled");
    await expect(signIn(`other-${randomUUID()}@example.com`, "guess", attacker)).rejects.toThrow("Throttled");
    expect(await signIn(admin, "right-password", uniqueAddress())).toMatchObject({ email: admin });
  });

  it("five wrong passwords for one e-mail block that e-mail from that address only, never the account", async () => {
    const admin = await makeUser("right-password");
    const attacker = uniqueAddress();
    for (let i = 0; i < PAIR_LIMIT; i++) expect(await signIn(admin, "wrong-password", attacker)).toBeNull();
    await expect(signIn(admin, "right-password", attacker)).rejects.toThrow("Throttled");
    expect(await signIn(admin, "right-password", uniqueAddress())).toMatchObject({ email: admin });
    // The lockout is in the audit log.
    expect(await auditActions(attemptKeys(admin, attacker).pair)).toEqual(["auth.lockout"]);
  });

  it("the client address comes from the socket, not from the caller's X-Forwarded-For", async () => {
    const admin = await makeUser("right-password");
    const attacker = uniqueAddress();
    for (let i = 0; i < PAIR_LIMIT; i++) {
      await authorize({ email: admin, password: "wrong" }, { headers: { [SOCKET_ADDRESS_HEADER]: attacker, "x-forwarded-for": `203.0.113.${i}` } });
    }
    await expect(signIn(admin, "right-password", attacker)).rejects.toThrow("Throttled");
  });

  it("50 parallel wrong tries evaluate at most the limit", async () => {
    const admin = await makeUser("right-password");
    const attacker = uniqueAddress();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => signIn(admin, "wrong", attacker)));
    const evaluated = results.filter((r) => r.status === "fulfilled");
    expect(evaluated.length).toBeLessThanOrEqual(PAIR_LIMIT);
    expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThanOrEqual(50 - PAIR_LIMIT);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: admin } });
    const failures = await prisma.auditLog.count({ where: { entityId: user.id, action: "auth.sign_in_failed" } });
    expect(failures).toBe(evaluated.length);
  });

  it("a success gives the address its try back and restarts the e-mail's count", async () => {
    const email = await makeUser("right-password");
    const address = nextAddress();
    for (let i = 0; i < PAIR_LIMIT - 1; i++) await signIn(email, "wrong-password", address);
    expect(await signIn(email, "right-password", address)).toMatchObject({ email });
    expect(await prisma.authThrottle.findUnique({ where: { key: attemptKeys(email, address).pair } })).toBeNull();
    expect((await prisma.authThrottle.findUniqueOrThrow({ where: { key: attemptKeys(email, address).address } })).failures).toBe(PAIR_LIMIT - 1);
    for (let i = 0; i < PAIR_LIMIT - 1; i++) await signIn(email, "wrong-password", address);
    expect(await signIn(email, "right-password", address)).toMatchObject({ email });
  });

  it("refuses disabled users like a wrong password", async () => {
    const email = await makeUser("right-password");
    await prisma.user.update({ where: { email }, data: { disabled: true } });
    expect(await signIn(email, "right-password", uniqueAddress())).toBeNull();
  });

  it("audits sign-ins and failed sign-ins with the address", async () => {
    const email = await makeUser("right-password");
    const address = uniqueAddress();
    await signIn(email, "wrong", address);
    await signIn(email, "right-password", address);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const rows = await prisma.auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
    expect(rows[0].after).toMatchObject({ address, reason: "wrong_password" });
    expect(rows[1]).toMatchObject({ actorId: user.id, after: { address } });
  });

  it("the delay grows with every try past the limit", async () => {
    const keys = attemptKeys(`clock-${randomUUID()}@example.com`, uniqueAddress());
    const t0 = new Date("2030-01-01T00:00:00Z").getTime();
    for (let i = 0; i < PAIR_LIMIT; i++) expect(await reserveAttempt(keys, new Date(t0 + i))).toEqual({ allowed: true });
    const first = await reserveAttempt(keys, new Date(t0 + 10));
    expect(first).toMatchObject({ allowed: false });
    expect((first as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(BASE_DELAY_MS - 100);
    expect(await isBlocked(keys.pair, new Date(t0 + BASE_DELAY_MS + 10))).toBe(false);
    // One more try after the delay, then twice as long.
    const t1 = t0 + BASE_DELAY_MS + 10;
    expect(await reserveAttempt(keys, new Date(t1))).toEqual({ allowed: true });
    const second = await reserveAttempt(keys, new Date(t1 + 1));
    expect((second as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(2 * BASE_DELAY_MS - 100);
  });
});
