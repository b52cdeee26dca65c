// Outbox throughput and lag, with the real worker (`npm run worker`: worker/index.ts → start-worker.ts,
// in its own process as in a split deployment) pushing to the fake IMSHOP (tests/helpers/fake-imshop.ts)
// and the changes made here by the real use case (staff approving scans: status, ledger credit, audit
// and the queued push in one transaction).
//   1. backlog: BENCH_OUTBOX_BACKLOG approvals queued with no worker running, then the worker starts:
//      deliveries per second until the last one is received;
//   2. steady: BENCH_OUTBOX_RATE approvals per second for BENCH_OUTBOX_SECONDS with the worker running:
//      lag from each change's commit to IMSHOP's receipt, p50/p99.
//   DATABASE_URL=… node --import tsx bench/outbox.ts   (bench/run.mjs does this; prints one JSON line last)
import { spawn } from "node:child_process";
import path from "node:path";
import { percentile } from "./lib/stats.mjs";

const BACKLOG = Number(process.env.BENCH_OUTBOX_BACKLOG || 10_000);
const RATE = Number(process.env.BENCH_OUTBOX_RATE || 100);
const SECONDS = Number(process.env.BENCH_OUTBOX_SECONDS || 15);
// Worker processes (`npm run worker` may run on several machines; they share the queue safely).
const WORKERS = Number(process.env.BENCH_OUTBOX_WORKERS || 2);
const OUTBOUND_KEY = "bench-outbound-key";
const actor = { id: null, label: "bench" };

async function main() {
  const { prisma } = await import("@/lib/db");
  const { env, databaseUrl } = await import("@/lib/env");
  const { encryptSecret, secretHint } = await import("@/lib/crypto/secret-box");
  const { ensureImshopSettings } = await import("@/lib/imshop/imshop-settings");
  const { moderateScans } = await import("@/lib/scans/moderate-scan");
  const { startFakeImshop } = await import("@/tests/helpers/fake-imshop");

  const fake = await startFakeImshop();
  await ensureImshopSettings();
  // Only the connection is set; retry, timeout and breaker settings stay at their production defaults.
  await prisma.imshopSettings.update({
    where: { id: 1 },
    data: { scanStatusUrl: `${fake.url}/scan-status`, outboundKeyEncrypted: encryptSecret(OUTBOUND_KEY), outboundKeyHint: secretHint(OUTBOUND_KEY) },
  });
  const waiting = await prisma.scan.findMany({ where: { status: "processing" }, select: { id: true }, take: BACKLOG + RATE * SECONDS });
  if (waiting.length < BACKLOG + RATE * SECONDS) throw new Error(`only ${waiting.length} scans wait for staff; load more data`);
  const backlogIds = waiting.slice(0, BACKLOG).map((s) => s.id);
  const steadyIds = waiting.slice(BACKLOG).map((s) => s.id);
  const received = (ids: Set<string>) => fake.requests.filter((r) => ids.has((r.body as { id?: string }).id ?? "")).length;
  const workerOptions = { processes: WORKERS, concurrency: env.WORKER_CONCURRENCY, pollInterval: env.WORKER_POLL_INTERVAL_MS };

  // 1. Backlog: staff approve in pages of 50 while no worker runs; then the workers drain it.
  const queuedAt = performance.now();
  for (let i = 0; i < backlogIds.length; i += 50) await moderateScans({ ids: backlogIds.slice(i, i + 50), decision: "approved", actor });
  const queueSeconds = (performance.now() - queuedAt) / 1000;
  const backlogSet = new Set(backlogIds);
  const workers = Array.from({ length: WORKERS }, () => startWorkerProcess(databaseUrl()));
  await fake.waitFor(() => received(backlogSet) >= BACKLOG, 600_000);
  // From the first push to the last: the worker process's start-up is not the outbox's throughput.
  const times = fake.requests.map((r) => r.at);
  const drainSeconds = (Math.max(...times) - Math.min(...times)) / 1000;

  // 2. Steady: one approval every 1000/RATE ms (not waiting for the previous one), commit time recorded.
  // At most MAX_IN_FLIGHT at once (the pool has DATABASE_POOL_SIZE connections): if the database
  // cannot keep up, the schedule slips and the achieved rate says so, rather than transactions timing out.
  const maxInFlight = env.DATABASE_POOL_SIZE * 2;
  const committedAt = new Map<string, number>();
  const started = Date.now();
  const inFlight = new Set<Promise<unknown>>();
  for (let i = 0; i < steadyIds.length; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const id = steadyIds[i];
    const change: Promise<unknown> = moderateScans({ ids: [id], decision: "approved", actor })
      .then(() => committedAt.set(id, Date.now()))
      .finally(() => inFlight.delete(change));
    inFlight.add(change);
  }
  await Promise.all(inFlight);
  const produceSeconds = (Date.now() - started) / 1000;
  const steadySet = new Set(steadyIds);
  await fake.waitFor(() => received(steadySet) >= steadyIds.length, 120_000);
  const lags = fake.requests
    .filter((r) => steadySet.has((r.body as { id?: string }).id ?? ""))
    .map((r) => r.at - committedAt.get((r.body as { id: string }).id)!)
    .sort((a, b) => a - b);

  const duplicates = fake.requests.length - new Set(fake.requests.map((r) => (r.body as { id?: string }).id)).size;
  // The receipt comes before the worker records it: give the last answers a moment to be written.
  const ours = { entityId: { in: [...backlogIds, ...steadyIds] }, state: { not: "delivered" as const } };
  let notDelivered = await prisma.delivery.count({ where: ours });
  for (let i = 0; i < 100 && notDelivered > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    notDelivered = await prisma.delivery.count({ where: ours });
  }
  await Promise.all(workers.map((w) => w.stop()));
  await fake.close();
  await prisma.$disconnect();
  process.stdout.write(
    `${JSON.stringify({
      worker: { processes: workerOptions.processes, concurrency: workerOptions.concurrency, pollIntervalMs: workerOptions.pollInterval },
      backlog: { changes: BACKLOG, queueSeconds, drainSeconds, deliveriesPerSecond: (BACKLOG - 1) / drainSeconds },
      steady: {
        targetRate: RATE,
        achievedRate: steadyIds.length / produceSeconds,
        changes: steadyIds.length,
        lagP50: percentile(lags, 50),
        lagP99: percentile(lags, 99),
        lagMax: lags[lags.length - 1],
      },
      duplicates,
      notDelivered,
    })}\n`,
  );
}

/** `npm run worker` in a child process (node --import tsx, so a signal reaches the worker itself). */
function startWorkerProcess(databaseUrl: string) {
  const root = path.resolve(__dirname, "..");
  const child = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
