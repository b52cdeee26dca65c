import type { UserRow } from "@/lib/users/users.schema";
import type { Role } from "@/lib/auth/roles";

export const userRowSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  locale: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

type Selected = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  locale: string;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export function toUserRow(u: Selected): UserRow {
  return { ...u, lastSignInAt: u.lastSignInAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() };
}
