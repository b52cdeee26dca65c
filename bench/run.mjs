// `npm run bench`: a fresh database with realistic data, `next start` on it, autocannon against each
// endpoint (a separate process per scenario), pgbench on the retail transaction, the outbox with the
// real worker, and the dashboard's page queries at 1M rows. Prints the table and writes bench/results.md.
//   BENCH_DURATION=10      seconds per scenario            BENCH_CONNECTIONS=50   autocannon connections
//   BENCH_SCALE=1          data size (1 = 100k clients, 1M scans, 1M orders, 10k offers)
//   BENCH_SKIP_BUILD=1     reuse .next when it holds a build   BENCH_KEEP_DB=1   keep the database afterwards
//   BENCH_SCENARIOS=a,b    only these HTTP scenarios           BENCH_LOG_LEVEL=info   the server's log level
//   BENCH_RETAIL_RATE=100  offered req/s for retail-paced     BENCH_SKIP_OUTBOX=1 / BENCH_SKIP_DASHBOARD=1 / BENCH_SKIP_OVERVIEW=1  skip those parts
//   BENCH_SKIP_IMPORTS=1   skip the bulk imports scenario (bench/imports.mjs: 1M clients, 1M codes, 1M export; own database)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { prepareDatabase } from "../scripts/lib/prepare-database.mjs";
import { dropDatabase, throwawayDatabaseUrl } from "../scripts/lib/test-database.mjs";
import { BENCH_API_KEY_ID, BENCH_WEBHOOK_KEY, loadData } from "./lib/load-data.mjs";
import { runPgbench } from "./lib/pgbench.mjs";
import { replayScript } from "./lib/pg-replay.mjs";
import { renderReport } from "./lib/report.mjs";
import { benchPortalEnv, freePort, run, sampleMemory, startNext } from "./lib/server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const opts = {
  duration: Number(process.env.BENCH_DURATION || 10),
  connections: Number(process.env.BENCH_CONNECTIONS || 50),
  scale: Number(process.env.BENCH_SCALE || 1),
  warmup: Number(process.env.BENCH_WARMUP || 2),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  keepDb: process.env.BENCH_KEEP_DB === "1",
  logLevel: process.env.BENCH_LOG_LEVEL || "info",
  retailRate: Number(process.env.BENCH_RETAIL_RATE || 100),
  skipOutbox: process.env.BENCH_SKIP_OUTBOX === "1",
  skipDashboard: process.env.BENCH_SKIP_DASHBOARD === "1",
  skipOverview: process.env.BENCH_SKIP_OVERVIEW === "1",
};
const ALL_SCENARIOS = ["floor", "health", "scans", "history", "offers", "client", "recalc", "hold", "retail", "retail-paced", "retail-hot"];
const only = process.env.BENCH_SCENARIOS?.split(",").map((s) => s.trim());
// The floor and health are what every ratio divides by: always run.
const scenarioNames = ALL_SCENARIOS.filter((s) => s === "health" || s === "floor" || !only || only.includes(s));
// The writing endpoints, each beside pgbench running its own SQL (bench/<name>.pgbench.sql).
const PGBENCH_SCENARIOS = ["scans", "hold", "retail"];
const STATS_TOKEN = randomBytes(24).toString("hex");

const say = (msg) => console.log(`[bench] ${msg}`);
const cleanups = [];

async function main() {
  const started = Date.now();
  const machine = await describeMachine();
  say(`${machine.cpus} CPUs, ${machine.memoryGb} GB, node ${machine.node}, load average ${machine.loadAverage.join(" ")}`);

  const databaseUrl = throwawayDatabaseUrl("imshop_bench");
  if (!opts.keepDb) cleanups.push(() => dropDatabase(databaseUrl));
  say(`database ${new URL(databaseUrl).pathname.slice(1)}`);
  await prepareDatabase({ databaseUrl, seed: false, bootstrap: false, log: (m) => say(m) });
  say("loading data…");
  const t0 = Date.now();
  const data = await loadData(databaseUrl, { scale: opts.scale, log: say });
  const loadSeconds = (Date.now() - t0) / 1000;
  say(`data loaded in ${loadSeconds.toFixed(0)} s`);

  const port = await freePort();
  const portalEnv = benchPortalEnv({
    databaseUrl,
    port,
    extra: {
      IMSHOP_WEBHOOK_KEY: BENCH_WEBHOOK_KEY,
      // The fake IMSHOP listens on 127.0.0.1, which the SSRF guard refuses otherwise.
      IMSHOP_ALLOW_PRIVATE_URLS: "true",
      LOG_LEVEL: opts.logLevel,
      INTERNAL_STATS_TOKEN: STATS_TOKEN,
    },
  });
  if (opts.skipBuild && existsSync(".next/BUILD_ID")) say("BENCH_SKIP_BUILD=1: using the existing build");
  else {
    say("next build…");
    await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { env: portalEnv });
  }

  const logFile = path.join(os.tmpdir(), `imshop-bench-server-${port}.log`);
  const server = await startNext({ root, port, logFile, env: portalEnv });
  cleanups.push(() => server.stop());
  say(`next start on ${server.url} (log: ${logFile})`);
  const memory = sampleMemory(server.pid);

  const config = { url: server.url, sizes: data.sizes, gtins: data.gtins, nonce: randomBytes(2).toString("hex"), retailRate: opts.retailRate };
  const http = [];
  const order = [...scenarioNames, "health"];
  for (const [i, scenario] of order.entries()) {
    const name = i === order.length - 1 ? "health (again)" : scenario;
    if (opts.warmup > 0) await loadRun({ ...config, scenario, duration: opts.warmup, connections: 10 });
    memory.window();
    const before = await processStats(server.url);
    const result = await loadRun({ ...config, scenario, duration: opts.duration, connections: opts.connections });
    const after = await processStats(server.url);
    // The stats request itself costs a fraction of a millisecond: noise next to thousands of requests.
    const cpuMsPerRequest = before && after && result.total > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / result.total : null;
    http.push({ ...result, name, rssBytes: memory.window(), cpuMsPerRequest });
    say(`${name.padEnd(14)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  non-2xx ${result.non2xx}  CPU ${cpuMsPerRequest?.toFixed(2)} ms/req`);
  }
  const serverRss = memory.stop();
  await server.stop();
  cleanups.pop();

  const pgbench = {};
  const pgReplay = {};
  for (const name of PGBENCH_SCENARIOS.filter((n) => scenarioNames.includes(n))) {
    const script = path.join(root, `bench/${name}.pgbench.sql`);
    const vars = {
      clients: data.sizes.clients,
      points: data.sizes.points,
      users: data.sizes.scanUsers,
      keyid: BENCH_API_KEY_ID,
      gtin_auto: data.gtins.autoApprove[0],
      gtin_mod: data.gtins.moderated[0],
    };
    say(`pgbench: the ${name} transaction, ${opts.connections} clients, ${opts.duration} s…`);
    pgbench[name] = await runPgbench({ script, databaseUrl, clients: opts.connections, threads: 2, seconds: opts.duration, vars });
    say(`pgbench ${name} ${pgbench[name].tps.toFixed(0)} tps  p50 ${pgbench[name].p50?.toFixed(1)} ms  p99 ${pgbench[name].p99?.toFixed(1)} ms`);
    // The same statements through `pg` in this Node process: the Node CPU floor for this endpoint's SQL.
    const seconds = Math.min(opts.duration, 5);
    pgReplay[name] = await replayScript({ script: readFileSync(script, "utf8"), databaseUrl, connections: opts.connections, seconds, vars });
    say(`pg replay ${name} ${pgReplay[name].tps.toFixed(0)} tps, Node CPU ${pgReplay[name].cpuMsPerTransaction?.toFixed(3)} ms/transaction, ${pgReplay[name].failed} failed`);
  }

  let outbox = null;
  if (!opts.skipOutbox) {
    say("outbox: backlog drain and lag at 100 changes/s with the real worker…");
    outbox = await tsxJson("bench/outbox.ts", databaseUrl);
    say(`outbox ${outbox.backlog.deliveriesPerSecond.toFixed(0)} deliveries/s; lag p50 ${outbox.steady.lagP50} ms, p99 ${outbox.steady.lagP99} ms`);
  }

  let dashboard = null;
  if (!opts.skipDashboard) {
    say("dashboard: page queries at scale…");
    dashboard = await tsxJson("bench/dashboard.ts", databaseUrl);
  }

  let overview = null;
  if (!opts.skipOverview) {
    say("overview: the dashboard home's server time at scale…");
    overview = await tsxJson("bench/overview.ts", databaseUrl);
    for (const c of overview.cases) say(`overview ${c.name}: median ${c.medianMs.toFixed(1)} ms`);
  }

  const results = {
    machine,
    options: opts,
    data: { sizes: data.sizes, loadSeconds, timings: data.timings },
    http,
    pgbench,
    pgReplay,
    serverRssBytes: serverRss,
    outbox,
    dashboard,
    overview,
    loadAverageEnd: os.loadavg().map((v) => Number(v.toFixed(2))),
    totalSeconds: (Date.now() - started) / 1000,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", `${JSON.stringify(results, null, 2)}\n`);
  const { markdown, table } = renderReport(results);
  writeFileSync("bench/results.md", markdown);
  console.log(`\n${table}\n`);
  say(`wrote bench/results.md (raw numbers: bench/results/latest.json) in ${results.totalSeconds.toFixed(0)} s`);
  // Bulk imports run on their own database and server (the worker in its own process), once this run has cleaned up (cleanups run last-first).
  if (process.env.BENCH_SKIP_IMPORTS !== "1") cleanups.unshift(() => run(process.execPath, [path.join(root, "bench/imports.mjs")], { env: { ...process.env, BENCH_SKIP_BUILD: "1" } }));
}

/** The server's CPU time so far (user + system, µs) from its internal stats route; null if it does not answer. */
async function processStats(url) {
  try {
    const res = await fetch(`${url}/api/internal/process-stats`, { headers: { "x-internal-token": STATS_TOKEN } });
    if (!res.ok) return null;
    const s = await res.json();
    return { cpuMicros: s.cpuUserMicros + s.cpuSystemMicros, rssBytes: s.rssBytes };
  } catch {
    return null;
  }
}

/** One scenario through bench/load-runner.mjs in its own process; its last stdout line is the result. */
function loadRun(config) {
  return childJson(process.execPath, [path.join(root, "bench/load-runner.mjs"), JSON.stringify(config)], process.env);
}

/** A TypeScript bench part (tsx loader) against the bench database; its last stdout line is the result. */
function tsxJson(entry, databaseUrl) {
  return childJson(process.execPath, ["--import", "tsx", path.join(root, entry)], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    IMSHOP_ALLOW_PRIVATE_URLS: "true",
    LOG_LEVEL: "warn",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  });
}

function childJson(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      if (code !== 0 || !last) return reject(new Error(`${path.basename(args.at(-1).startsWith("{") ? args[0] : args.at(-1))} exited with ${code}`));
      resolve(JSON.parse(last));
    });
  });
}

async function describeMachine() {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres" });
  await db.connect();
  const { rows } = await db.query("SHOW server_version");
  await db.end();
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0].server_version,
    loadAverage: os.loadavg().map((v) => Number(v.toFixed(2))),
    date: new Date().toISOString(),
  };
}

async function cleanup() {
  while (cleanups.length) await Promise.resolve().then(cleanups.pop()).catch((e) => console.error(`[bench] cleanup: ${e.message}`));
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().then(() => process.exit(130)));

main().then(
  () => cleanup(),
  async (error) => {
    console.error(`[bench] ${error.stack ?? error}`);
    await cleanup();
    process.exit(1);
  },
);
