// `npm run bench:imports` (also run at the end of `npm run bench`): bulk onboarding at a retailer's scale.
// A fresh database, `next start` with the job worker in its own process (`npm run worker`), then:
//   1. a 1,000,000-client CSV with balances POSTed to /api/imports/clients, until its job is done;
//   2. a 1,000,000-code pool POSTed to /api/imports/offer-codes;
//   3. the 1M-client export streamed (bench/imports-export.ts, its own process);
// each as rows/s end to end (upload start → job done), with the server's and the worker's RSS peaks.
//   BENCH_IMPORT_ROWS=1000000   rows per file        BENCH_SKIP_BUILD=1   reuse .next when it holds a build
import { spawn, execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { prepareDatabase } from "../scripts/lib/prepare-database.mjs";
import { dropDatabase, throwawayDatabaseUrl } from "../scripts/lib/test-database.mjs";
import { benchPortalEnv, freePort, run, sampleMemory, startNext } from "./lib/server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 1_000_000);
const KEY = `ick_bench_imports_${randomBytes(12).toString("hex")}`;
const say = (msg) => console.log(`[bench:imports] ${msg}`);
const cleanups = [];

/** Writes `rows` lines from `line(i)` after `header`, as a stream (the file is ~70 MB at 1M rows). */
async function writeFile(file, header, rows, line) {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

/** Uploads the file as a stream, polls the import until it ends; the server's and worker's RSS windows cover just this run. */
async function importFile({ url, kind, file, query = "", memories }) {
  for (const m of memories) m.window();
  const started = performance.now();
  const res = await fetch(`${url}/api/imports/${kind}${query}`, {
    method: "POST",
    headers: { apikey: KEY, "content-type": "text/csv" },
    body: Readable.toWeb(createReadStream(file)),
    duplex: "half",
  });
  const created = await res.json();
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${JSON.stringify(created)}`);
  const uploadSeconds = (performance.now() - started) / 1000;
  let job;
  for (;;) {
    job = await (await fetch(`${url}/api/imports/${created.id}`, { headers: { apikey: KEY } })).json();
    if (["done", "failed", "cancelled"].includes(job.state)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = (performance.now() - started) / 1000;
  const [server, worker] = memories.map((m) => Math.round(m.window() / 1048576));
  return { kind, state: job.state, rows: job.processed, created: job.created, failed: job.failed, uploadSeconds: round(uploadSeconds), seconds: round(seconds), rowsPerSecond: Math.round(job.processed / seconds), serverRssMb: server, workerRssMb: worker };
}

const round = (n) => Math.round(n * 10) / 10;

async function main() {
  const load = os.loadavg().map((n) => n.toFixed(2));
  say(`${os.cpus().length} CPUs, load average ${load.join(" ")}, ${ROWS} rows per file`);
  const databaseUrl = throwawayDatabaseUrl("imshop_bench_imports");
  cleanups.push(() => dropDatabase(databaseUrl));
  await prepareDatabase({ databaseUrl, seed: false, bootstrap: false, log: (m) => say(m) });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO "ApiKey" (id, name, prefix, hash, scopes, "createdAt") VALUES ('bench-imports', 'bench ERP', $1, $2, ARRAY['imports'], now())`, [KEY.slice(0, 12), createHash("sha256").update(KEY).digest("hex")]);
  await db.query(`INSERT INTO "LoyaltyLevel" (id, title, percent, type, "maxSpendPercent", "isDefault", "sortOrder", "createdAt", "updatedAt") VALUES ('bench-base', 'Базовый', 3, 'cashback', 100, true, 0, now(), now()), ('bench-gold', 'Золотой', 7, 'cashback', 100, false, 1, now(), now())`);
  await db.query(`INSERT INTO "Offer" (id, name, "promocodeMode", "barcodeType", "updatedAt") VALUES ('bench-pool', 'Bench pool', 'pool', 'code128', now())`);
  await db.end();

  const port = await freePort();
  const env = benchPortalEnv({ databaseUrl, port, extra: { LOG_LEVEL: "warn", WORKER_IN_PROCESS: "false", WORKER_POLL_INTERVAL_MS: "200" } });
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) say("BENCH_SKIP_BUILD=1: using the existing build");
  else await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { env });
  const server = await startNext({ root, port, env, logFile: path.join(os.tmpdir(), `imshop-bench-imports-${port}.log`) });
  cleanups.push(() => server.stop());
  const worker = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  cleanups.push(() => worker.kill("SIGTERM"));
  const memories = [sampleMemory(server.pid), sampleMemory(worker.pid)];

  const clientsFile = path.join(os.tmpdir(), `imshop-bench-clients-${port}.csv`);
  const codesFile = path.join(os.tmpdir(), `imshop-bench-codes-${port}.csv`);
  cleanups.push(() => [clientsFile, codesFile].forEach((f) => existsSync(f) && unlinkSync(f)));
  await writeFile(clientsFile, "phone;name;email;birthday;card_number;level;balance", ROWS, (i) =>
    `7${String(9000000000 + i)};Клиент ${i};c${i}@example.com;1990-01-${String((i % 28) + 1).padStart(2, "0")};CARD${i};${i % 10 === 0 ? "Золотой" : "Базовый"};${i % 500}`,
  );
  await writeFile(codesFile, "code", ROWS, (i) => `PROMO-${i.toString(36).toUpperCase().padStart(8, "0")}`);
  say(`files: clients ${(statSync(clientsFile).size / 1048576).toFixed(0)} MB, codes ${(statSync(codesFile).size / 1048576).toFixed(0)} MB`);

  const results = [];
  results.push(await importFile({ url: server.url, kind: "clients", file: clientsFile, memories }));
  say(JSON.stringify(results.at(-1)));
  results.push(await importFile({ url: server.url, kind: "offer-codes", file: codesFile, query: "?target=bench-pool", memories }));
  say(JSON.stringify(results.at(-1)));
  const exportRun = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "bench/imports-export.ts"], { cwd: root, env: { ...env, LOG_LEVEL: "warn" }, encoding: "utf8" }).trim().split("\n").at(-1));
  say(JSON.stringify(exportRun));
  const peaks = { serverRssMb: Math.round(memories[0].stop() / 1048576), workerRssMb: Math.round(memories[1].stop() / 1048576) };

  const table = [
    "| what | rows | seconds | rows/s | target | server RSS peak | worker RSS peak |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => `| import ${r.kind} (upload ${r.uploadSeconds} s) | ${r.rows} | ${r.seconds} | ${r.rowsPerSecond} | ≥ 20000 | ${r.serverRssMb} MB | ${r.workerRssMb} MB |`),
    `| export clients (own process) | ${exportRun.rows} | ${round(exportRun.seconds)} | ${exportRun.rowsPerSecond} | ≥ 50000 | — | ${exportRun.peakRssMb} MB (export process) |`,
    `| whole run | | | | | ${peaks.serverRssMb} MB | ${peaks.workerRssMb} MB |`,
  ].join("\n");
  const report = `# Imports bench\n\n${new Date().toISOString()}, ${os.cpus().length} CPUs, load average at start ${load.join(" ")} (a shared machine).\n\n${table}\n`;
  writeFileSync(path.join(root, "bench/results-imports.md"), report);
  console.log(`\n${table}\n`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  });
