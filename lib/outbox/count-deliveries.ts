import { prisma, Prisma } from "@/lib/db";
import { countOrEstimate, EXACT_COUNT_CAP, plannerRows, type RowCount } from "@/lib/pagination/estimate-count";
import { deliveryWhere } from "@/lib/outbox/outbox.queries";
import type { DeliveryListFilters } from "@/lib/outbox/outbox.schema";

/** The same filters as SQL, for EXPLAIN's estimate. */
export function deliveryWhereSql(f: DeliveryListFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.state === "failing") parts.push(Prisma.sql`state = 'pending' AND attempts > 0`);
  else if (f.state) parts.push(Prisma.sql`state = ${f.state}::"DeliveryState"`);
  if (f.kind) parts.push(Prisma.sql`kind = ${f.kind}::"DeliveryKind"`);
  if (f.entityId) parts.push(Prisma.sql`"entityId" = ${f.entityId}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** "of N" for the deliveries list: exact up to EXACT_COUNT_CAP, the planner's estimate past it. */
export async function countDeliveries(filters: DeliveryListFilters): Promise<RowCount> {
  const capped = await prisma.delivery.count({ where: deliveryWhere(filters), take: EXACT_COUNT_CAP + 1 });
  return countOrEstimate(capped, () => plannerRows(Prisma.sql`SELECT 1 FROM "Delivery" WHERE ${deliveryWhereSql(filters)}`));
}
