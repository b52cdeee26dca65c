// Dashboard at scale: the scans and orders tables' page queries (the functions the pages call) on
// the bench database, first page and deep pages, timed in-process; each query's SQL is captured from
// the pg driver and run again under EXPLAIN ANALYZE to show the plan that produced the time.
//   DATABASE_URL=… node --import tsx bench/dashboard.ts   (bench/run.mjs does this; prints one JSON line)
import pg from "pg";
import type { Cursor } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";

type Captured = { text: string; values: unknown[] };
type Case = { table: string; name: string; medianMs: number; maxMs: number; rows: number; plan?: PlanSummary };
type PlanSummary = { executionMs: number; planningMs: number; top: string; bufferHits: number | null; bufferReads: number | null };

const RUNS = 5;
const DEEP = Number(process.env.BENCH_DEEP_PAGES || 1000);
const PAGE = 50;

// Every statement the adapter sends passes through pg.Client#query; the last one on a table is the page query.
const captured: Captured[] = [];
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
  const config = args[0] as { text?: string; values?: unknown[] } | string;
  if (typeof config === "object" && config?.text) captured.push({ text: config.text, values: config.values ?? [] });
  return originalQuery.apply(this, args);
};

async function main() {
  const { prisma } = await import("@/lib/db");
  const { listScans, countScans } = await import("@/lib/scans/scans.queries");
  const { listOrders } = await import("@/lib/orders/orders.queries");
  const { countOrders } = await import("@/lib/orders/count-orders");
  const { searchDashboard } = await import("@/lib/search/search-dashboard");
  const explain = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await explain.connect();
  const cases: Case[] = [];

  /** Runs `fn` RUNS times after one warm-up; the plan is taken from the last run's statement on `table`. */
  async function measure(table: string, name: string, fn: () => Promise<{ rows: unknown[] } | unknown>) {
    await fn();
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      captured.length = 0;
      const t = performance.now();
      const result = await fn();
      times.push(performance.now() - t);
      rows = (result as { rows?: unknown[] })?.rows?.length ?? 0;
    }
    times.sort((a, b) => a - b);
    const statement = [...captured].reverse().find((c) => c.text.includes(`"public"."${table}"`));
    const plan = statement ? await explainAnalyze(explain, statement) : undefined;
    cases.push({ table, name, medianMs: times[Math.floor(RUNS / 2)], maxMs: times[RUNS - 1], rows, plan });
  }

  const params = <F>(filters: F, cursor: Cursor | null = null): ListParams<F> => ({ filters, cursor, dir: "next", take: PAGE });
  // The cursor that opens page n is the last row of page n − 1: read it by OFFSET instead of paging
  // there (checkCursor proves the two agree), so a slow deep page is not paid for n times over.
  const pageCursor = async (table: "Scan" | "Order", column: string, page: number): Promise<Cursor> => {
    const { rows } = await explain.query(`SELECT "${column}" AS t, id FROM "${table}" ORDER BY "${column}" DESC, id DESC OFFSET $1 LIMIT 1`, [
      (page - 1) * PAGE - 1,
    ]);
    return { t: rows[0].t as Date, id: rows[0].id as string };
  };
  const checkCursor = async (table: string, list: (c: Cursor | null) => Promise<{ nextCursor: string | null }>, byOffset: () => Promise<Cursor>) => {
    const walked = await walk(list, 21);
    const expected = await byOffset();
    if (walked?.id !== expected.id) throw new Error(`${table}: cursor after 20 pages is ${walked?.id}, OFFSET says ${expected.id}`);
  };
  const middle = async (table: "Scan" | "Order", column: string, where = "") => {
    const total = Number((await explain.query(`SELECT count(*)::int AS n FROM "${table}" ${where}`)).rows[0].n);
    const { rows } = await explain.query(
      `SELECT "${column}" AS t, id FROM "${table}" ${where} ORDER BY "${column}" DESC, id DESC OFFSET $1 LIMIT 1`,
      [Math.floor(total / 2)],
    );
    return { t: rows[0].t as Date, id: rows[0].id as string };
  };

  // Scans: the moderation queue.
  await measure("Scan", "first page", () => listScans(params({})));
  const deepScan = await pageCursor("Scan", "createdAt", DEEP);
  await checkCursor("Scan", (cursor) => listScans(params({}, cursor)), () => pageCursor("Scan", "createdAt", 21));
  await measure("Scan", `page ${DEEP} (${DEEP * PAGE} rows deep)`, () => listScans(params({}, deepScan)));
  const midScan = await middle("Scan", "createdAt");
  await measure("Scan", "middle of 1M (cursor at row n/2)", () => listScans(params({}, midScan)));
  await measure("Scan", "status=processing, first page", () => listScans(params({ status: "processing" as const })));
  const midProcessing = await middle("Scan", "createdAt", `WHERE status = 'processing'`);
  await measure("Scan", "status=processing, middle", () => listScans(params({ status: "processing" as const }, midProcessing)));
  await measure("Scan", "one user's scans", () => listScans(params({ user: "bench-user-42" })));
  await measure("Scan", "tab counts and total (countScans)", async () => ({ rows: Object.keys((await countScans({})).tabs) }));
  await measure("Scan", "tab counts and total, one campaign (countScans)", async () => ({ rows: Object.keys((await countScans({ campaign: "bench-campaign-1" })).tabs) }));

  // Orders: the orders list.
  await measure("Order", "first page", () => listOrders(params({})));
  const deepOrder = await pageCursor("Order", "orderCreatedAt", DEEP);
  await checkCursor("Order", (cursor) => listOrders(params({}, cursor)), () => pageCursor("Order", "orderCreatedAt", 21));
  await measure("Order", `page ${DEEP} (${DEEP * PAGE} rows deep)`, () => listOrders(params({}, deepOrder)));
  const midOrder = await middle("Order", "orderCreatedAt");
  await measure("Order", "middle of 1M (cursor at row n/2)", () => listOrders(params({}, midOrder)));
  await measure("Order", "status=packed, first page", () => listOrders(params({ status: "packed" })));
  const midPacked = await middle("Order", "orderCreatedAt", `WHERE "statusCode" = 'packed'`);
  await measure("Order", "status=packed, middle", () => listOrders(params({ status: "packed" }, midPacked)));
  await measure("Order", "search q=ORD-0050 (substring)", () => listOrders(params({ q: "ORD-0050" })));
  await measure("Order", "total, status=packed (countOrders: capped count, then EXPLAIN's estimate)", async () => ({ rows: [await countOrders({ status: "packed" })] }));

  // The header search (Ctrl+K): every lookup in one call, as the dashboard sends it.
  await measure("LoyaltyClient", "header search: a phone typed with spaces", () => searchDashboard({ query: "+7 (900) 000-00-42" }).then((rows) => ({ rows })));
  await measure("LoyaltyClient", "header search: part of a name (trigram)", () => searchDashboard({ query: "Клиент 4242" }).then((rows) => ({ rows })));
  await measure("Order", "header search: an order number", () => searchDashboard({ query: "ORD-00424242" }).then((rows) => ({ rows })));

  await explain.end();
  await prisma.$disconnect();
  process.stdout.write(`${JSON.stringify({ pageSize: PAGE, deepPages: DEEP, cases })}\n`);
}

/** Follows `next` cursors `pages` pages deep and returns the cursor that opens the last one. */
async function walk(page: (cursor: Cursor | null) => Promise<{ nextCursor: string | null }>, pages: number): Promise<Cursor | null> {
  let cursor: Cursor | null = null;
  const { decodeCursor } = await import("@/lib/pagination/keyset");
  for (let i = 1; i < pages; i++) {
    const result = await page(cursor);
    if (!result.nextCursor) break;
    cursor = decodeCursor(result.nextCursor);
  }
  return cursor;
}

async function explainAnalyze(db: pg.Client, statement: Captured): Promise<PlanSummary> {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
  const root = rows[0]["QUERY PLAN"][0];
  const plan = root.Plan;
  return {
    executionMs: root["Execution Time"],
    planningMs: root["Planning Time"],
    top: describe(plan),
    bufferHits: plan["Shared Hit Blocks"] ?? null,
    bufferReads: plan["Shared Read Blocks"] ?? null,
  };
}

/** "Limit ← Index Scan using X" style: the node types down the first child chain. */
function describe(plan: Record<string, unknown>): string {
  const parts: string[] = [];
  let node: Record<string, unknown> | undefined = plan;
  while (node && parts.length < 4) {
    parts.push(node["Index Name"] ? `${node["Node Type"]} using ${node["Index Name"]}` : String(node["Node Type"]));
    node = (node.Plans as Record<string, unknown>[] | undefined)?.[0];
  }
  return parts.join(" → ");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
