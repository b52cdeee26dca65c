import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { logger } from "@/lib/logger";
import { dummyHash, verifyPassword } from "@/lib/auth/passwords";
import { clearFailures, isLocked, recordFailure } from "@/lib/auth/sign-in-throttle";
import type { Role } from "@/lib/auth/roles";

const credentials = z.object({ email: z.email().transform((e) => e.toLowerCase()), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  // Read per request, not at import: a build has no secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const key = `email:${email}`;
        if (await isLocked(key)) {
          logger.warn({ email }, "sign-in refused: throttled");
          throw new Error("Throttled");
        }
        const user = await prisma.user.findUnique({ where: { email } });
        const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
        if (!user || !ok || user.disabled) {
          await recordFailure(key);
          return null;
        }
        await clearFailures(key);
        await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role: Role; locale: string };
        token.uid = u.id;
        token.role = u.role;
        token.locale = u.locale;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, role: token.role };
    },
  },
};
