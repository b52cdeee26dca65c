import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/lib/audit/record-audit";
import { GateBusyError } from "@/lib/auth/hash-gate";
import { dummyHash, verifyPassword } from "@/lib/auth/passwords";
import { safeCallback } from "@/lib/auth/safe-callback";
import { attemptKeys, reserveAttempt, settleSuccess } from "@/lib/auth/sign-in-throttle";
import { clientAddress } from "@/lib/http/client-address";
import type { Role } from "@/lib/auth/roles";

const credentials = z.object({ email: z.email().transform((e) => e.toLowerCase()), password: z.string().min(1).max(200) });

/** However often the session is refreshed, it ends this long after the password was entered. */
export const ABSOLUTE_SESSION_MS = 12 * 60 * 60 * 1000;

type AuthorizeRequest = { headers?: Record<string, string | string[] | undefined> } | undefined;

export const authOptions: NextAuthOptions = {
  // Read per request, not at import: a build has no secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: ABSOLUTE_SESSION_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddress((req as AuthorizeRequest)?.headers ?? {});
        const keys = attemptKeys(email, address);
        const reservation = await reserveAttempt(keys);
        if (!reservation.allowed) {
          logger.warn({ email, address }, "sign-in refused: throttled");
          throw new Error("Throttled");
        }
        const user = await prisma.user.findUnique({ where: { email } });
        let ok: boolean;
        try {
          ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
        } catch (error) {
          // Too many hashes queued already: refuse like a throttle rather than stall the server.
          if (error instanceof GateBusyError) throw new Error("Throttled");
          throw error;
        }
        if (!user || !ok || user.disabled) {
          await auditSignIn("auth.sign_in_failed", { id: user?.id ?? null, email, address, reason: !user ? "unknown_email" : user.disabled ? "disabled" : "wrong_password" });
          return null;
        }
        await settleSuccess(keys);
        await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        await auditSignIn("auth.sign_in", { id: user.id, email, address });
        return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role: Role; locale: string; sessionVersion: number };
        token.uid = u.id;
        token.role = u.role;
        token.locale = u.locale;
        token.sv = u.sessionVersion;
        // Set once at sign-in and never moved by refreshes: the session's absolute end is counted from it.
        token.authAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, role: token.role, sv: token.sv, authAt: token.authAt };
    },
    // next-auth's own redirects (sign-in/out without redirect:false) stay on this portal too.
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallback(path)}`;
    },
  },
};

/** Is a session with these claims still good for a user whose current version is `sessionVersion`? */
export function sessionIsCurrent(claims: Record<string, unknown>, sessionVersion: number, now = Date.now()): boolean {
  if (typeof claims.sv !== "number" || claims.sv !== sessionVersion) return false;
  return typeof claims.authAt === "number" && now - claims.authAt < ABSOLUTE_SESSION_MS;
}

async function auditSignIn(action: string, d: { id: string | null; email: string; address: string | null; reason?: string }) {
  await recordAudit({
    actor: { id: d.id, label: d.email },
    action,
    entityType: "user",
    entityId: d.id ?? d.email,
    after: { address: d.address, ...(d.reason ? { reason: d.reason } : {}) },
  }).catch((err) => logger.error({ err }, "could not audit a sign-in"));
}
