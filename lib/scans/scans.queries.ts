import { prisma, Prisma } from "@/lib/db";
import { decodeBarcode } from "@/lib/barcode/decode-barcode";
import { finishPage, keysetQuery, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import { moscowDayEnd, moscowDayStart } from "@/lib/scans/moscow-day";
import { SCAN_STATUSES, type ScanListFilters, type ScanStatus } from "@/lib/scans/scans.schema";
import { countOrEstimate, EXACT_COUNT_CAP, plannerRows, type RowCount } from "@/lib/pagination/estimate-count";

export type ScanRow = {
  id: string;
  createdAt: string;
  userId: string;
  code: string;
  codeKind: string;
  gtin: string | null;
  serial: string | null;
  status: ScanStatus;
  reason: string;
  statusMessage: string | null;
  campaignId: string | null;
  campaignName: string | null;
  bonusPoints: number | null;
  /** Sent back with a decision: a scan someone decided meanwhile is not overturned. */
  version: number;
};

const ROW_SELECT = {
  id: true,
  createdAt: true,
  userId: true,
  code: true,
  codeKind: true,
  gtin: true,
  serial: true,
  status: true,
  reason: true,
  statusMessage: true,
  campaignId: true,
  bonusPoints: true,
  version: true,
  campaign: { select: { name: true } },
} as const;

type RowRecord = Prisma.ScanGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(r: RowRecord): ScanRow {
  const { campaign, createdAt, ...rest } = r;
  return { ...rest, createdAt: createdAt.toISOString(), campaignName: campaign?.name ?? null };
}

type CodeMatch = { code?: string; gtin?: string; serial?: string; id?: string };

/**
 * Whatever staff paste (a marking code, its base64, an EAN, a GTIN, a scan id) is decoded the way
 * registration decodes it, so it matches by normalised code or by product. One list for the Prisma
 * query and the SQL the count estimate explains.
 */
function codeMatches(raw: string): CodeMatch[] {
  const decoded = decodeBarcode(raw);
  const or: CodeMatch[] = [{ code: decoded.code }, { code: raw }];
  // A marking code names one item (GTIN + serial); a bare GTIN or EAN names the product.
  if (decoded.gtin && decoded.serial) or.push({ gtin: decoded.gtin, serial: decoded.serial });
  else if (decoded.gtin) or.push({ gtin: decoded.gtin });
  if (/^[0-9a-f-]{36}$/i.test(raw)) or.push({ id: raw.toLowerCase() });
  return or;
}

/** The same filters as SQL, for EXPLAIN's estimate of how many scans match. */
export function scanWhereSql(filters: ScanListFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.status) parts.push(Prisma.sql`status = ${filters.status}::"ScanStatus"`);
  if (filters.campaign) parts.push(Prisma.sql`"campaignId" = ${filters.campaign}`);
  if (filters.user) parts.push(Prisma.sql`"userId" = ${filters.user}`);
  if (filters.from) parts.push(Prisma.sql`"createdAt" >= ${moscowDayStart(filters.from)}`);
  if (filters.to) parts.push(Prisma.sql`"createdAt" < ${moscowDayEnd(filters.to)}`);
  if (filters.code) {
    const column = { code: Prisma.raw("code"), gtin: Prisma.raw("gtin"), serial: Prisma.raw("serial"), id: Prisma.raw("id") };
    const ors = codeMatches(filters.code).map((m) =>
      Prisma.join(
        Object.entries(m).map(([k, v]) => Prisma.sql`${column[k as keyof CodeMatch]} = ${v}`),
        " AND ",
      ),
    );
    parts.push(Prisma.sql`(${Prisma.join(ors.map((o) => Prisma.sql`(${o})`), " OR ")})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** Filters → a Prisma where that the (status|campaignId|userId|code|gtin, createdAt) indexes serve. */
export function scanWhere(filters: ScanListFilters): Prisma.ScanWhereInput[] {
  const where: Prisma.ScanWhereInput[] = [];
  if (filters.status) where.push({ status: filters.status });
  if (filters.campaign) where.push({ campaignId: filters.campaign });
  if (filters.user) where.push({ userId: filters.user });
  if (filters.from) where.push({ createdAt: { gte: moscowDayStart(filters.from) } });
  if (filters.to) where.push({ createdAt: { lt: moscowDayEnd(filters.to) } });
  if (filters.code) where.push({ OR: codeMatches(filters.code) });
  return where;
}

/** The moderation queue: one keyset page, newest first (or oldest first: the same indexes read backwards). */
export async function listScans({ filters, cursor, dir, take, order }: ListParams<ScanListFilters>): Promise<Page<ScanRow>> {
  const page = keysetQuery(cursor, dir, take, "createdAt", order);
  const rows = await prisma.scan.findMany({
    where: { AND: [...scanWhere(filters), page.where] },
    orderBy: page.orderBy as Prisma.ScanOrderByWithRelationInput[],
    take: page.take,
    select: ROW_SELECT,
  });
  return finishPage(rows.map(toRow), { cursor, dir, take, timeOf: (r) => new Date(r.createdAt) });
}

/** Tab counts stop at this many: past it the tab shows "10000+" instead of an exact figure. */
export const SCAN_COUNT_CAP = EXACT_COUNT_CAP;

export type ScanCounts = { tabs: Record<ScanStatus, number>; total: RowCount };

/**
 * Counts for the queue's tabs and its "1–50 of ~N". Each tab counts the scans its link would list: the
 * page's other filters (campaign, user, code, dates) with the tab's status. Each is stopped at
 * SCAN_COUNT_CAP + 1 rows, which the (status, …) and filter indexes serve in a few milliseconds at any
 * size (an exact GROUP BY read every scan: 235 ms at 1M rows). The total is the exact sum when no count
 * reached the cap, else the planner's estimate for the page's filters.
 */
export async function countScans(filters: ScanListFilters): Promise<ScanCounts> {
  const { status, ...others } = filters;
  const base = scanWhere(others);
  const counts = await Promise.all(
    SCAN_STATUSES.map((s) => prisma.scan.count({ where: { AND: [...base, { status: s }] }, take: SCAN_COUNT_CAP + 1 })),
  );
  const tabs = Object.fromEntries(SCAN_STATUSES.map((s, i) => [s, counts[i]])) as Record<ScanStatus, number>;
  const shown = status ? [tabs[status]] : counts;
  const capped = shown.some((n) => n > SCAN_COUNT_CAP) ? SCAN_COUNT_CAP + 1 : shown.reduce((a, n) => a + n, 0);
  const total = await countOrEstimate(capped, () => plannerRows(Prisma.sql`SELECT 1 FROM "Scan" WHERE ${scanWhereSql(filters)}`));
  return { tabs, total };
}
