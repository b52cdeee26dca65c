export const ROLES = ["staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type SessionUser = { id: string; email: string; name: string | null; role: Role; locale: string };

/** Admins can do everything staff can. */
export function hasRole(user: Pick<SessionUser, "role">, needed: Role): boolean {
  return needed === "staff" ? user.role === "staff" || user.role === "admin" : user.role === "admin";
}
