import { prisma, Prisma } from "@/lib/db";
import { countOrEstimate, EXACT_COUNT_CAP, likeEscape, plannerRows, type RowCount } from "@/lib/pagination/estimate-count";
import { finishPage, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import type { AuditListFilters, AuditRow } from "@/lib/audit/audit.schema";

// Days in the filter are calendar days in the dashboard's time zone (the one next-intl formats with).
const ZONE_OFFSET = "+03:00";

const dayStart = (day: string) => new Date(`${day}T00:00:00${ZONE_OFFSET}`);

/** The audit page's filters as a Prisma where (the count uses it too). */
export function auditWhere(filters: AuditListFilters): Prisma.AuditLogWhereInput[] {
  const where: Prisma.AuditLogWhereInput[] = [];
  if (filters.action) where.push({ action: { startsWith: filters.action } });
  if (filters.entityType) where.push({ entityType: filters.entityType });
  if (filters.entityId) where.push({ entityId: filters.entityId });
  if (filters.actor) where.push({ actorLabel: { contains: filters.actor, mode: "insensitive" } });
  if (filters.from) where.push({ createdAt: { gte: dayStart(filters.from) } });
  if (filters.to) where.push({ createdAt: { lt: nextDay(filters.to) } });
  return where;
}

/** The same filters as SQL, for EXPLAIN's estimate. */
export function auditWhereSql(filters: AuditListFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.action) parts.push(Prisma.sql`action LIKE ${`${likeEscape(filters.action)}%`}`);
  if (filters.entityType) parts.push(Prisma.sql`"entityType" = ${filters.entityType}`);
  if (filters.entityId) parts.push(Prisma.sql`"entityId" = ${filters.entityId}`);
  if (filters.actor) parts.push(Prisma.sql`"actorLabel" ILIKE ${`%${likeEscape(filters.actor)}%`}`);
  if (filters.from) parts.push(Prisma.sql`"createdAt" >= ${dayStart(filters.from)}`);
  if (filters.to) parts.push(Prisma.sql`"createdAt" < ${nextDay(filters.to)}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** "of N" for the audit log: exact up to EXACT_COUNT_CAP, the planner's estimate past it. */
export async function countAuditEntries(filters: AuditListFilters): Promise<RowCount> {
  const capped = await prisma.auditLog.count({ where: { AND: auditWhere(filters) }, take: EXACT_COUNT_CAP + 1 });
  return countOrEstimate(capped, () => plannerRows(Prisma.sql`SELECT 1 FROM "AuditLog" WHERE ${auditWhereSql(filters)}`));
}

/**
 * One page of the audit log, newest first. Keyset over (createdAt, id); the id is a BigInt here, so
 * the shared keysetQuery (string ids) is not used and the cursor's id is converted instead.
 */
export async function listAuditEntries({ filters, cursor, dir, take }: ListParams<AuditListFilters>): Promise<Page<AuditRow>> {
  const where = auditWhere(filters);
  const id = cursor && /^\d+$/.test(cursor.id) ? BigInt(cursor.id) : null;
  // A cursor that is not ours (edited URL) starts again from the newest entries.
  const dirUsed = id === null ? "next" : dir;
  const older = dirUsed === "next";
  if (cursor && id !== null) {
    where.push(
      older
        ? { OR: [{ createdAt: { lt: cursor.t } }, { createdAt: cursor.t, id: { lt: id } }] }
        : { OR: [{ createdAt: { gt: cursor.t } }, { createdAt: cursor.t, id: { gt: id } }] },
    );
  }
  const order = older ? "desc" : "asc";
  const rows = await prisma.auditLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: order }, { id: order }],
    take: take + 1,
  });
  const plain: AuditRow[] = rows.map((r) => ({
    id: r.id.toString(),
    createdAt: r.createdAt.toISOString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
  }));
  return finishPage(plain, { cursor: id === null ? null : cursor, dir: dirUsed, take, timeOf: (r) => new Date(r.createdAt) });
}

function nextDay(day: string): Date {
  const start = new Date(`${day}T00:00:00${ZONE_OFFSET}`);
  return new Date(start.getTime() + 24 * 3600 * 1000);
}
