// The overview (the dashboard's home, `/`) at 1M scans and 1M orders: the server time of the page's
// data (getOverview: the worker's snapshot plus the live queue and push health) against the cost of
// computing the same aggregates on the spot (refreshOverview, which the worker runs once a minute).
// The gap is why the page reads a snapshot. Timed in-process, median of RUNS after one warm-up.
//   DATABASE_URL=… node --import tsx bench/overview.ts   (bench/run.mjs does this; prints one JSON line)
type Case = { name: string; medianMs: number; maxMs: number; page: boolean };

const RUNS = 7;

async function main() {
  const { prisma } = await import("@/lib/db");
  const { getOverview } = await import("@/lib/overview/overview.queries");
  const { refreshOverview } = await import("@/lib/overview/refresh-overview");
  const cases: Case[] = [];

  async function measure(name: string, page: boolean, fn: () => Promise<unknown>) {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    cases.push({ name, page, medianMs: times[Math.floor(RUNS / 2)], maxMs: times[RUNS - 1] });
  }

  const [{ scans, orders }] = await prisma.$queryRaw<{ scans: number; orders: number }[]>`
    SELECT (SELECT count(*)::int FROM "Scan") AS scans, (SELECT count(*)::int FROM "Order") AS orders`;
  await measure("aggregates computed on the spot (refreshOverview, the worker's minute job)", false, () => refreshOverview());
  await measure("page data for an admin (getOverview: snapshot + live queue, pushes, setup)", true, () => getOverview({ isAdmin: true }));
  await measure("page data for staff (getOverview)", true, () => getOverview({ isAdmin: false }));

  await prisma.$disconnect();
  process.stdout.write(`${JSON.stringify({ runs: RUNS, scans, orders, cases })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
