import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import { hashPassword } from "@/lib/auth/passwords";
import { clearFailures, isLocked, LOCK_MS, MAX_FAILURES, recordFailure, WINDOW_MS } from "@/lib/auth/sign-in-throttle";

type Authorize = (credentials: Record<string, string>, req: unknown) => Promise<{ id: string } | null>;
// CredentialsProvider keeps the user's authorize() under `options`; the top-level one is a placeholder.
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const signIn = (email: string, password: string) => authorize({ email, password }, {});

async function makeUser(password: string) {
  const email = `throttle-${randomUUID()}@example.com`;
  await prisma.user.create({ data: { email, role: "staff", passwordHash: await hashPassword(password) } });
  return email;
}

describe("sign-in throttle", () => {
  it("locks an e-mail after five failures, even for the right password", async () => {
    const email = await makeUser("right-password");
    for (let i = 0; i < MAX_FAILURES; i++) expect(await signIn(email, "wrong-password")).toBeNull();
    expect(await isLocked(`email:${email}`)).toBe(true);
    await expect(signIn(email, "right-password")).rejects.toThrow("Throttled");
  });

  it("a success before the limit resets the count", async () => {
    const email = await makeUser("right-password");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn(email, "wrong-password");
    expect(await signIn(email, "right-password")).toMatchObject({ email });
    expect(await prisma.authThrottle.findUnique({ where: { key: `email:${email}` } })).toBeNull();
    // After the reset, four more failures still do not lock.
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn(email, "wrong-password");
    expect(await isLocked(`email:${email}`)).toBe(false);
    expect(await signIn(email, "right-password")).toMatchObject({ email });
  });

  it("throttles unknown e-mails too, so probing for accounts gains nothing", async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    for (let i = 0; i < MAX_FAILURES; i++) expect(await signIn(email, "guess")).toBeNull();
    await expect(signIn(email, "guess")).rejects.toThrow("Throttled");
  });

  it("refuses disabled users like a wrong password", async () => {
    const email = await makeUser("right-password");
    await prisma.user.update({ where: { email }, data: { disabled: true } });
    expect(await signIn(email, "right-password")).toBeNull();
  });

  it("lifts the lock after LOCK_MS and restarts the count after WINDOW_MS", async () => {
    const key = `email:clock-${randomUUID()}@example.com`;
    const t0 = new Date("2030-01-01T00:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) await recordFailure(key, new Date(t0.getTime() + i * 1000));
    expect(await isLocked(key, new Date(t0.getTime() + 10_000))).toBe(true);
    expect(await isLocked(key, new Date(t0.getTime() + 4000 + LOCK_MS + 1))).toBe(false);

    const other = `email:window-${randomUUID()}@example.com`;
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(other, t0);
    await recordFailure(other, new Date(t0.getTime() + WINDOW_MS + 1));
    expect(await isLocked(other, new Date(t0.getTime() + WINDOW_MS + 2))).toBe(false);
    await clearFailures(other);
    expect(await prisma.authThrottle.findUnique({ where: { key: other } })).toBeNull();
  });
});
