import { prisma } from "@/lib/db";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";
import { listCircuits } from "@/lib/outbox/outbox.queries";
import { refreshOverview } from "@/lib/overview/refresh-overview";
import { overviewSnapshotSchema, type Overview, type PushHealth, type SetupStep } from "@/lib/overview/overview.schema";

/** The waiting count stops here, as the scans page's tabs do: a five-digit queue reads the same. */
export const WAITING_CAP = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The overview page's data. The heavy aggregates come from the worker's snapshot; what staff act on
 * now (the queue, push health) is read live from indexes. `isAdmin` adds the setup checklist.
 */
export async function getOverview({ isAdmin }: { isAdmin: boolean }): Promise<Overview> {
  const [snapshot, waiting, push, setup] = await Promise.all([readSnapshot(), waitingScans(), pushHealth(), isAdmin ? setupSteps() : null]);
  return { snapshot, waiting, push, setup };
}

async function readSnapshot(): Promise<Overview["snapshot"]> {
  const row = await prisma.overviewSnapshot.findUnique({ where: { id: 1 } });
  const parsed = row ? overviewSnapshotSchema.safeParse(row.data) : null;
  if (row && parsed?.success) return { ...parsed.data, refreshedAt: row.refreshedAt.toISOString() };
  // First view before the worker's first run (or after the shape changed): compute it once here.
  const fresh = await refreshOverview();
  return { ...fresh, refreshedAt: fresh.refreshedAt.toISOString() };
}

async function waitingScans(): Promise<Overview["waiting"]> {
  const [counted, oldest] = await Promise.all([
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Scan" WHERE status = 'processing' LIMIT ${WAITING_CAP + 1}) s`,
    prisma.scan.findFirst({ where: { status: "processing" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const n = counted[0]?.n ?? 0;
  return { count: Math.min(n, WAITING_CAP), capped: n > WAITING_CAP, oldestAt: oldest?.createdAt.toISOString() ?? null };
}

async function pushHealth(now = new Date()): Promise<PushHealth> {
  const since = new Date(now.getTime() - DAY_MS);
  const [delivered, rejected, dead, lastSuccess, circuits] = await Promise.all([
    // Bounded by createdAt too, so the (state, createdAt) index serves it rather than every delivered row.
    prisma.delivery.count({ where: { state: "delivered", createdAt: { gte: new Date(since.getTime() - DAY_MS) }, deliveredAt: { gte: since } } }),
    // IMSHOP refused these (a 404 for an unknown scan or order): never retried, so they need a person.
    prisma.delivery.count({ where: { state: "failed", updatedAt: { gte: since } } }),
    prisma.delivery.count({ where: { state: "dead", updatedAt: { gte: since } } }),
    prisma.deliveryAttempt.findFirst({
      where: { responseStatus: { gte: 200, lt: 300 } },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    }),
    listCircuits(),
  ]);
  return {
    delivered,
    rejected,
    dead,
    lastSuccessAt: lastSuccess?.startedAt.toISOString() ?? null,
    circuits: circuits.map((c) => ({ kind: c.kind, mode: c.mode })),
  };
}

/** What an admin still has to fill in before pushes and webhooks can work; null once nothing is missing. */
async function setupSteps(): Promise<SetupStep[] | null> {
  const s = await ensureImshopSettings();
  const steps: SetupStep[] = [
    { key: "scanStatusUrl", done: !!s.scanStatusUrl },
    { key: "orderStatusUrl", done: !!s.orderStatusUrl },
    { key: "outboundKey", done: !!s.outboundKeyEncrypted },
    { key: "webhookKey", done: !!s.inboundKeyHash },
  ];
  return steps.every((step) => step.done) ? null : steps;
}
