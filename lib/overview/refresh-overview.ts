import { prisma, type Db } from "@/lib/db";
import { OVERVIEW_DAYS, OVERVIEW_TIME_ZONE, TOP_CAMPAIGNS, overviewSnapshotSchema, type OverviewSnapshot } from "@/lib/overview/overview.schema";

/** The graphile-worker task (and cron line) that keeps the overview's snapshot fresh. */
export const REFRESH_OVERVIEW_TASK = "refresh-overview";

/**
 * Recomputes the overview's aggregates and stores them as the one snapshot row. Runs in the worker
 * every minute: at 1M scans and 1M orders these reads take far longer than a page may (see
 * bench/dashboard.ts), and a minute's staleness is fine for trends. Returns what it stored.
 */
export async function refreshOverview({ db = prisma, now = new Date() }: { db?: Db; now?: Date } = {}): Promise<OverviewSnapshot & { refreshedAt: Date }> {
  const [days, ordersByStatus, topCampaigns] = await Promise.all([dailySeries(db, now), ordersPerStatus(db), bestCampaigns(db, now)]);
  const data = overviewSnapshotSchema.parse({ days, ordersByStatus, topCampaigns });
  await db.overviewSnapshot.upsert({
    where: { id: 1 },
    create: { id: 1, data, refreshedAt: now },
    update: { data, refreshedAt: now },
  });
  return { ...data, refreshedAt: now };
}

// Timestamps are stored as UTC without a zone: `AT TIME ZONE 'UTC'` says so, the second turns that
// instant into Moscow's wall clock, whose date is the day a merchant means.
const localDay = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE '${OVERVIEW_TIME_ZONE}')::date`;

/** The first of the OVERVIEW_DAYS days (Moscow) and the UTC instant it starts at. */
function windowStart(now: Date): { firstDay: string; startUtc: string } {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: OVERVIEW_TIME_ZONE }).format(now);
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - (OVERVIEW_DAYS - 1));
  const firstDay = first.toISOString().slice(0, 10);
  // Midnight in Moscow expressed in UTC: the zone's offset at that instant, read back through Intl.
  const offsetMs = zoneOffsetMs(first);
  // As the stored columns hold it (UTC, no zone), so the comparison never depends on the session's zone.
  return { firstDay, startUtc: new Date(first.getTime() - offsetMs).toISOString().replace("T", " ").replace("Z", "") };
}

function zoneOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: OVERVIEW_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - at.getTime();
}

async function dailySeries(db: Db, now: Date) {
  const { firstDay, startUtc } = windowStart(now);
  // Scans are decided when moderated, or on arrival when the campaign decides by itself. A decision
  // on a scan older than 30 days before the window is left out: the createdAt bound keeps this an
  // index range instead of a read of every scan ever made.
  const decided = `coalesce(s."moderatedAt", s."createdAt")`;
  return db.$queryRawUnsafe<{ day: string; approved: number; denied: number; credited: number; earned: number; spent: number }[]>(
    `WITH series AS (SELECT ($1::date + i) AS day FROM generate_series(0, ${OVERVIEW_DAYS - 1}) i),
     scans AS (
       SELECT ${localDay(decided)} AS day,
              count(*) FILTER (WHERE s.status = 'approved')::int AS approved,
              count(*) FILTER (WHERE s.status = 'denied')::int AS denied
       FROM "Scan" s
       WHERE s."createdAt" >= $2::timestamp - interval '30 days' AND s.status <> 'processing' AND ${decided} >= $2::timestamp
       GROUP BY 1),
     ledger AS (
       SELECT ${localDay(`l."createdAt"`)} AS day,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'scan_credit'), 0)::int AS credited,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'earn'), 0)::int AS earned,
              coalesce(-sum(l.amount) FILTER (WHERE l.kind = 'spend'), 0)::int AS spent
       FROM "LedgerEntry" l
       WHERE l.kind IN ('scan_credit', 'earn', 'spend') AND l."createdAt" >= $2::timestamp
       GROUP BY 1)
     SELECT to_char(series.day, 'YYYY-MM-DD') AS day,
            coalesce(scans.approved, 0) AS approved, coalesce(scans.denied, 0) AS denied,
            coalesce(ledger.credited, 0) AS credited, coalesce(ledger.earned, 0) AS earned, coalesce(ledger.spent, 0) AS spent
     FROM series LEFT JOIN scans USING (day) LEFT JOIN ledger USING (day)
     ORDER BY series.day`,
    firstDay,
    startUtc,
  );
}

async function ordersPerStatus(db: Db) {
  // The label is the merchant's own description of the code (data, not UI text); unknown codes show as they are.
  return db.$queryRaw<{ code: string; label: string; count: number }[]>`
    SELECT o.code, coalesce(st.description, o.code) AS label, o.count
    FROM (SELECT "statusCode" AS code, count(*)::int AS count FROM "Order" GROUP BY 1) o
    LEFT JOIN "OrderStatus" st ON st.code = o.code
    ORDER BY st."sortOrder" NULLS LAST, o.code`;
}

async function bestCampaigns(db: Db, now: Date) {
  const { startUtc } = windowStart(now);
  return db.$queryRaw<{ id: string; name: string; approved: number }[]>`
    SELECT c.id, c.name, t.approved
    FROM (SELECT "campaignId", count(*)::int AS approved FROM "Scan"
          WHERE status = 'approved' AND "campaignId" IS NOT NULL AND "createdAt" >= ${startUtc}::timestamp
          GROUP BY 1 ORDER BY 2 DESC LIMIT ${TOP_CAMPAIGNS}) t
    JOIN "Campaign" c ON c.id = t."campaignId"
    ORDER BY t.approved DESC, c.name`;
}
