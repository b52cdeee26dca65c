import { dbPoolStats, prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/metrics";

// The gauges read from the database at scrape time: a few aggregate queries per scrape (every 15–60 s),
// nothing on the request path.

const KINDS = ["scan_status", "order_status"] as const;
const MODES = ["closed", "open", "half_open", "paused"] as const;
const STATES = ["pending", "delivered", "failed", "dead", "superseded"] as const;

export async function collectGauges(): Promise<void> {
  const m = metrics();
  const pool = dbPoolStats();
  m.dbPool.set({ state: "in_use" }, pool.inUse);
  m.dbPool.set({ state: "idle" }, pool.idle);
  m.dbPool.set({ state: "waiting" }, pool.waiting);
  m.dbPool.set({ state: "max" }, pool.max);
  try {
    await Promise.all([collectOutbox(), collectCircuits(), collectJobQueue()]);
  } catch (error) {
    m.scrapeErrors.inc();
    logger.warn({ err: error }, "metrics: database-backed gauges could not be read");
  }
}

async function collectOutbox() {
  const m = metrics();
  const rows = await prisma.$queryRaw<{ kind: string; state: string; n: bigint; oldest: Date | null }[]>`
    SELECT kind::text, state::text, count(*) AS n,
           min("createdAt") FILTER (WHERE state = 'pending') AS oldest
    FROM "Delivery" GROUP BY kind, state`;
  const now = Date.now();
  for (const kind of KINDS) {
    for (const state of STATES) {
      const row = rows.find((r) => r.kind === kind && r.state === state);
      m.deliveriesByState.set({ kind, state }, Number(row?.n ?? 0));
    }
    const pending = rows.find((r) => r.kind === kind && r.state === "pending");
    m.outboxDepth.set({ kind }, Number(pending?.n ?? 0));
    m.oldestPending.set({ kind }, pending?.oldest ? Math.max(0, (now - pending.oldest.getTime()) / 1000) : 0);
  }
}

async function collectCircuits() {
  const m = metrics();
  const rows = await prisma.circuit.findMany({ select: { kind: true, mode: true } });
  for (const kind of KINDS) {
    // No row yet means the endpoint was never tried: closed.
    const mode = rows.find((r) => r.kind === kind)?.mode ?? "closed";
    for (const each of MODES) m.circuitState.set({ kind, mode: each }, each === mode ? 1 : 0);
  }
}

async function collectJobQueue() {
  const m = metrics();
  const [present] = await prisma.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS ok`;
  if (!present?.ok) return;
  const [row] = await prisma.$queryRaw<{ ready: bigint; scheduled: bigint; running: bigint; failing: bigint }[]>`
    SELECT count(*) FILTER (WHERE locked_at IS NULL AND run_at <= now()) AS ready,
           count(*) FILTER (WHERE locked_at IS NULL AND run_at > now()) AS scheduled,
           count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
           count(*) FILTER (WHERE last_error IS NOT NULL) AS failing
    FROM graphile_worker._private_jobs`;
  for (const state of ["ready", "scheduled", "running", "failing"] as const) m.jobQueueDepth.set({ state }, Number(row?.[state] ?? 0));
}
