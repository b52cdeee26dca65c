import { prisma, type Prisma } from "@/lib/db";
import { decodeBarcode } from "@/lib/barcode/decode-barcode";
import { finishPage, keysetQuery, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import { moscowDayEnd, moscowDayStart } from "@/lib/scans/moscow-day";
import type { ScanListFilters, ScanStatus } from "@/lib/scans/scans.schema";

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

/** Filters → a Prisma where that the (status|campaignId|userId|code|gtin, createdAt) indexes serve. */
export function scanWhere(filters: ScanListFilters): Prisma.ScanWhereInput[] {
  const where: Prisma.ScanWhereInput[] = [];
  if (filters.status) where.push({ status: filters.status });
  if (filters.campaign) where.push({ campaignId: filters.campaign });
  if (filters.user) where.push({ userId: filters.user });
  if (filters.from) where.push({ createdAt: { gte: moscowDayStart(filters.from) } });
  if (filters.to) where.push({ createdAt: { lt: moscowDayEnd(filters.to) } });
  if (filters.code) {
    // Whatever staff paste (a marking code, its base64, an EAN, a GTIN, a scan id) is decoded the way
    // registration decodes it, so it matches by normalised code or by product.
    const decoded = decodeBarcode(filters.code);
    const or: Prisma.ScanWhereInput[] = [{ code: decoded.code }, { code: filters.code }];
    // A marking code names one item (GTIN + serial); a bare GTIN or EAN names the product.
    if (decoded.gtin && decoded.serial) or.push({ gtin: decoded.gtin, serial: decoded.serial });
    else if (decoded.gtin) or.push({ gtin: decoded.gtin });
    if (/^[0-9a-f-]{36}$/i.test(filters.code)) or.push({ id: filters.code.toLowerCase() });
    where.push({ OR: or });
  }
  return where;
}

/** The moderation queue: one keyset page, newest first. */
export async function listScans({ filters, cursor, dir, take }: ListParams<ScanListFilters>): Promise<Page<ScanRow>> {
  const page = keysetQuery(cursor, dir, take);
  const rows = await prisma.scan.findMany({
    where: { AND: [...scanWhere(filters), page.where] },
    orderBy: page.orderBy as Prisma.ScanOrderByWithRelationInput[],
    take: page.take,
    select: ROW_SELECT,
  });
  return finishPage(rows.map(toRow), { cursor, dir, take, timeOf: (r) => new Date(r.createdAt) });
}

/** Tab counts stop at this many: past it the tab shows "10000+" instead of an exact figure. */
export const SCAN_COUNT_CAP = 10_000;

/**
 * Counts per status for the queue's tabs (processing is what staff work through), each capped at
 * SCAN_COUNT_CAP + 1. An exact GROUP BY read every scan on every page load (235 ms at 1M rows);
 * counting at most CAP + 1 entries of the (status, createdAt) index per status stays a few
 * milliseconds at any size, and nobody works through a queue by its exact five-digit length.
 */
export async function countScansByStatus(): Promise<Record<ScanStatus, number>> {
  const limit = SCAN_COUNT_CAP + 1;
  const [row] = await prisma.$queryRaw<Record<ScanStatus, number>[]>`
    SELECT
      (SELECT count(*)::int FROM (SELECT 1 FROM "Scan" WHERE status = 'processing' LIMIT ${limit}) s) AS processing,
      (SELECT count(*)::int FROM (SELECT 1 FROM "Scan" WHERE status = 'approved' LIMIT ${limit}) s) AS approved,
      (SELECT count(*)::int FROM (SELECT 1 FROM "Scan" WHERE status = 'denied' LIMIT ${limit}) s) AS denied`;
  return row;
}
