import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { authOptions, sessionIsCurrent } from "@/lib/auth/auth-options";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/roles";
import { signInUrlFor } from "@/lib/auth/safe-callback";
import { REQUEST_PATH_HEADER } from "@/lib/http/security-headers";

/**
 * The signed-in user, re-read from the database on every request so that a disabled or re-roled
 * user loses access at once rather than when the session cookie expires, and a token from before the
 * user's last "sign out everywhere" (session version) or older than ABSOLUTE_SESSION_MS is refused.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session as { uid?: string; sv?: unknown; authAt?: unknown } | null;
  const uid = claims?.uid;
  if (!uid) return null;
  const user = await prisma.user.findUnique({
    where: { id: uid },
    select: { id: true, email: true, name: true, role: true, locale: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled) return null;
  // Signed out everywhere (password reset, role change, the button) or past the absolute lifetime.
  if (!sessionIsCurrent(claims, user.sessionVersion)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
});

/** For pages: sends the visitor to sign-in, or to the "forbidden" page when the role is too low. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  // Back to the page asked for after signing in (proxy.ts passes its path; safeCallback checks it again).
  if (!user) redirect(signInUrlFor((await headers()).get(REQUEST_PATH_HEADER)));
  if (!hasRole(user, role)) redirect("/forbidden");
  return user;
}

/** For server actions and route handlers: throws an AppError instead of redirecting. */
export async function assertRole(role: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in first");
  if (!hasRole(user, role)) throw new AppError("forbidden", `This needs the ${role} role`);
  return user;
}
