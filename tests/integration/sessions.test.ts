import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { prisma } from "@/lib/db";
import { ABSOLUTE_SESSION_MS, authOptions, sessionIsCurrent } from "@/lib/auth/auth-options";
import { hashPassword } from "@/lib/auth/passwords";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { updateUser } from "@/lib/users/update-user";

type JwtCallback = (p: { token: JWT; user?: unknown }) => Promise<JWT>;
const jwt = authOptions.callbacks!.jwt as unknown as JwtCallback;

async function makeUser(role: "staff" | "admin" = "staff") {
  return prisma.user.create({ data: { email: `session-${randomUUID()}@example.com`, role, passwordHash: await hashPassword("password-123") } });
}

async function signedInToken(user: { id: string; role: string; locale: string; sessionVersion: number }) {
  return jwt({ token: {}, user });
}

describe("sessions", () => {
  it("a token carries the session version and its sign-in time, which refreshes never move", async () => {
    const user = await makeUser();
    const token = await signedInToken(user);
    expect(token).toMatchObject({ uid: user.id, sv: user.sessionVersion, authAt: expect.any(Number) });
    const refreshed = await jwt({ token: { ...token } });
    expect(refreshed.authAt).toBe(token.authAt);
    expect(sessionIsCurrent(refreshed, user.sessionVersion)).toBe(true);
  });

  it("ends at the absolute lifetime however often it is refreshed", async () => {
    const user = await makeUser();
    const token = await signedInToken(user);
    const authAt = token.authAt as number;
    expect(sessionIsCurrent(token, user.sessionVersion, authAt + ABSOLUTE_SESSION_MS - 1000)).toBe(true);
    expect(sessionIsCurrent(token, user.sessionVersion, authAt + ABSOLUTE_SESSION_MS + 1)).toBe(false);
    // A token from before this change (no sign-in time) is not accepted either.
    expect(sessionIsCurrent({ sv: user.sessionVersion }, user.sessionVersion)).toBe(false);
  });

  it("sign out everywhere, a password reset, disabling and a role change end open sessions", async () => {
    const admin = await makeUser("admin");
    const actor = { id: admin.id, label: admin.email };
    const user = await makeUser();
    let token = await signedInToken(user);
    const current = async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;

    await signOutEverywhere({ actor: { id: user.id, label: user.email }, userId: user.id });
    expect(sessionIsCurrent(token, await current())).toBe(false);
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.sign_out_everywhere" } })).toBe(1);

    for (const change of [{ password: "another-password-1" }, { role: "admin" as const }, { disabled: true }]) {
      token = await signedInToken({ ...user, sessionVersion: await current() });
      expect(sessionIsCurrent(token, await current())).toBe(true);
      await updateUser({ actor, userId: user.id, change });
      expect(sessionIsCurrent(token, await current()), JSON.stringify(change)).toBe(false);
    }
  });
});
