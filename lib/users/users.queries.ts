import { prisma, type Prisma } from "@/lib/db";
import { finishPage, keysetQuery, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import type { z } from "zod";
import type { userListFilters, UserRow } from "@/lib/users/users.schema";
import { toUserRow, userRowSelect } from "@/lib/users/user-row";

export type UserListFilters = Partial<z.infer<typeof userListFilters>>;

/** One page of users, newest first, for the Users page. */
export async function listUsers({ filters, cursor, dir, take }: ListParams<UserListFilters>): Promise<Page<UserRow>> {
  const where: Prisma.UserWhereInput = {};
  if (filters.q) {
    where.OR = [
      { email: { contains: filters.q, mode: "insensitive" } },
      { name: { contains: filters.q, mode: "insensitive" } },
    ];
  }
  if (filters.role) where.role = filters.role;
  if (filters.status) where.disabled = filters.status === "disabled";
  const page = keysetQuery(cursor, dir, take);
  const rows = await prisma.user.findMany({
    where: { AND: [where, page.where] },
    orderBy: page.orderBy as Prisma.UserOrderByWithRelationInput[],
    take: page.take,
    select: userRowSelect,
  });
  return finishPage(rows.map(toUserRow), { cursor, dir, take, timeOf: (r) => new Date(r.createdAt) });
}

/** How many active admins there are: the page warns when only one is left. */
export function countActiveAdmins(): Promise<number> {
  return prisma.user.count({ where: { role: "admin", disabled: false } });
}

/** Every user, oldest first, for the operations CLI (`npm run portal -- user list`). */
export async function listAllUsers(): Promise<UserRow[]> {
  const rows = await prisma.user.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: userRowSelect });
  return rows.map(toUserRow);
}
