import { prisma, type Prisma } from "@/lib/db";
import { finishPage, keysetQuery, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import type { OrderListFilters } from "@/lib/orders/orders.schema";

// Reads for the dashboard pages. Everything returned is a plain object that can cross to the client.

export type OrderRow = {
  id: string;
  internalId: string;
  uuid: string | null;
  userId: string | null;
  totalKopecks: number;
  itemsSummary: string | null;
  statusCode: string;
  statusLabel: string | null;
  statusMessage: string | null;
  imshopStatus: string | null;
  orderCreatedAt: string;
};

export type StatusOption = { code: string; description: string; buyerText: string; final: boolean; cancellable: boolean };

/** Moscow has had no daylight saving since 2014: a calendar day there is a fixed +03:00 window. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+03:00`);

/** The orders list's filters as a Prisma where (the count uses it too). */
export function orderWhere(filters: OrderListFilters): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = {};
  if (filters.status) where.statusCode = filters.status;
  if (filters.user) where.userId = filters.user;
  if (filters.from || filters.to) {
    where.orderCreatedAt = {
      ...(filters.from ? { gte: dayStart(filters.from) } : {}),
      ...(filters.to ? { lt: new Date(dayStart(filters.to).getTime() + 86_400_000) } : {}),
    };
  }
  if (filters.q) {
    const contains = { contains: filters.q, mode: "insensitive" as const };
    where.OR = [{ internalId: contains }, { uuid: contains }, { itemsSummary: contains }];
  }
  return where;
}

/** The orders list: newest first, or oldest first (`order`), keyset-paginated. */
export async function listOrders({ filters, cursor, dir, take, order }: ListParams<OrderListFilters>): Promise<Page<OrderRow>> {
  const where = orderWhere(filters);
  const page = keysetQuery(cursor, dir, take, "orderCreatedAt", order);
  const [fetched, labels] = await Promise.all([
    prisma.order.findMany({
      where: { AND: [where, page.where] },
      orderBy: page.orderBy as Prisma.OrderOrderByWithRelationInput[],
      take: page.take,
      select: {
        id: true,
        internalId: true,
        uuid: true,
        userId: true,
        totalKopecks: true,
        itemsSummary: true,
        statusCode: true,
        statusMessage: true,
        imshopStatus: true,
        orderCreatedAt: true,
      },
    }),
    statusLabels(),
  ]);
  const result = finishPage(fetched, { cursor, dir, take, timeOf: (r) => r.orderCreatedAt });
  return {
    ...result,
    rows: result.rows.map((r) => ({ ...r, statusLabel: labels.get(r.statusCode) ?? null, orderCreatedAt: r.orderCreatedAt.toISOString() })),
  };
}

export async function listStatusOptions(): Promise<StatusOption[]> {
  return prisma.orderStatus.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, description: true, buyerText: true, final: true, cancellable: true },
  });
}

async function statusLabels(): Promise<Map<string, string>> {
  const rows = await prisma.orderStatus.findMany({ select: { code: true, description: true } });
  return new Map(rows.map((r) => [r.code, r.description]));
}

export type StatusListRow = {
  code: string;
  description: string;
  buyerText: string;
  imshopStatus: string | null;
  cancellable: boolean;
  final: boolean;
  cancelTargetCode: string | null;
  sortOrder: number;
  orders: number;
};

export type UnmappedCodeRow = { code: string; count: number; firstSeenAt: string; lastSeenAt: string };

/** The statuses page: every status with how many orders sit in it, and the codes seen without a row. */
export async function getStatusList(): Promise<{ statuses: StatusListRow[]; unmapped: UnmappedCodeRow[]; imshopStatuses: string[] }> {
  const [statuses, counts, unmapped, answered] = await Promise.all([
    prisma.orderStatus.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    prisma.order.groupBy({ by: ["statusCode"], _count: { _all: true } }),
    prisma.unmappedStatusCode.findMany({ orderBy: [{ lastSeenAt: "desc" }] }),
    prisma.order.findMany({ where: { imshopStatus: { not: null } }, distinct: ["imshopStatus"], select: { imshopStatus: true }, take: 100 }),
  ]);
  const byCode = new Map(counts.map((c) => [c.statusCode, c._count._all]));
  const known = new Set(statuses.map((s) => s.code));
  return {
    statuses: statuses.map((s) => ({
      code: s.code,
      description: s.description,
      buyerText: s.buyerText,
      imshopStatus: s.imshopStatus,
      cancellable: s.cancellable,
      final: s.final,
      cancelTargetCode: s.cancelTargetCode,
      sortOrder: s.sortOrder,
      orders: byCode.get(s.code) ?? 0,
    })),
    // IMSHOP statuses to suggest when mapping: those already mapped and those IMSHOP has answered with.
    imshopStatuses: [...new Set([...statuses.map((s) => s.imshopStatus), ...answered.map((a) => a.imshopStatus)])]
      .filter((v): v is string => !!v)
      .sort(),
    // A code mapped since it was counted is no longer a warning, even before its row is cleared.
    unmapped: unmapped
      .filter((u) => !known.has(u.code))
      .map((u) => ({ code: u.code, count: u.count, firstSeenAt: u.firstSeenAt.toISOString(), lastSeenAt: u.lastSeenAt.toISOString() })),
  };
}

export async function getOrderStatus(code: string): Promise<StatusListRow | null> {
  const s = await prisma.orderStatus.findUnique({ where: { code } });
  if (!s) return null;
  const orders = await prisma.order.count({ where: { statusCode: code } });
  const { createdAt: _c, updatedAt: _u, ...rest } = s;
  return { ...rest, orders };
}
