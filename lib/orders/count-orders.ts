import { prisma, Prisma } from "@/lib/db";
import { countOrEstimate, EXACT_COUNT_CAP, likeEscape, plannerRows, type RowCount } from "@/lib/pagination/estimate-count";
import { dayStart, orderWhere } from "@/lib/orders/orders.queries";
import type { OrderListFilters } from "@/lib/orders/orders.schema";

/** The same filters as SQL, for EXPLAIN's estimate. */
export function orderWhereSql(filters: OrderListFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.status) parts.push(Prisma.sql`"statusCode" = ${filters.status}`);
  if (filters.user) parts.push(Prisma.sql`"userId" = ${filters.user}`);
  if (filters.from) parts.push(Prisma.sql`"orderCreatedAt" >= ${dayStart(filters.from)}`);
  if (filters.to) parts.push(Prisma.sql`"orderCreatedAt" < ${new Date(dayStart(filters.to).getTime() + 86_400_000)}`);
  if (filters.q) {
    const like = `%${likeEscape(filters.q)}%`;
    parts.push(Prisma.sql`("internalId" ILIKE ${like} OR uuid ILIKE ${like} OR "itemsSummary" ILIKE ${like})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** "of N" for the orders list: exact up to EXACT_COUNT_CAP, the planner's estimate past it. */
export async function countOrders(filters: OrderListFilters): Promise<RowCount> {
  const capped = await prisma.order.count({ where: orderWhere(filters), take: EXACT_COUNT_CAP + 1 });
  return countOrEstimate(capped, () => plannerRows(Prisma.sql`SELECT 1 FROM "Order" WHERE ${orderWhereSql(filters)}`));
}
