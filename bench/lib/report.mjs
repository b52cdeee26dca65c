// Turns the bench's raw results into the Markdown report (bench/results.md) and a console table.
import { round } from "./stats.mjs";

const MB = 2 ** 20;
// The targets of issue 13, each checked in one run (ratios within the run, so the shared machine's
// speed cancels out as far as it can).
export const TARGETS = {
  healthToFloor: 0.7,
  readingToHealth: 0.6,
  writingToPgbench: 0.5,
  retailPacedP99Ms: 50,
  cpuToPg: 2,
  outboxBacklogPerSecond: 500,
  outboxLagP99Ms: 1000,
  dashboardMs: 50,
  overviewMs: 100,
  serverRssMb: 300,
};
const READING = ["history", "offers", "client", "recalc"];
const WRITING = ["scans", "hold", "retail"];

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Every target with its measured value and whether it was met. */
export function evaluate(results) {
  const { http, pgbench, serverRssBytes, dashboard, outbox, overview } = results;
  const healthRps = mean(http.filter((h) => h.scenario === "health").map((h) => h.rps));
  const floorRps = mean(http.filter((h) => h.scenario === "floor").map((h) => h.rps)) || null;
  const checks = [];
  const check = (what, value, ok) => checks.push({ what, value, ok });
  for (const h of http) {
    const failures = h.errors + h.timeouts + h.non2xx;
    check(`${h.name}: no errors or non-2xx`, `${h.errors} errors, ${h.timeouts} timeouts, ${h.non2xx} non-2xx`, failures === 0);
  }
  if (floorRps) check(`health ≥ ${TARGETS.healthToFloor} × floor (no-database route)`, `${round(healthRps / floorRps, 2)} ×`, healthRps / floorRps >= TARGETS.healthToFloor);
  for (const h of http.filter((x) => READING.includes(x.scenario))) {
    check(`${h.name} ≥ ${TARGETS.readingToHealth} × health at ${h.connections} connections`, `${round(h.rps / healthRps, 2)} ×`, h.rps / healthRps >= TARGETS.readingToHealth);
  }
  for (const h of http.filter((x) => WRITING.includes(x.scenario))) {
    const pg = pgbench?.[h.scenario];
    if (!pg) continue;
    check(`${h.name} ≥ ${TARGETS.writingToPgbench} × pgbench on its own SQL (${round(pg.tps, 0)} tps)`, `${round(h.rps / pg.tps, 2)} ×`, h.rps / pg.tps >= TARGETS.writingToPgbench);
  }
  const paced = http.find((h) => h.scenario === "retail-paced");
  if (paced) {
    check(`retail p99 < ${TARGETS.retailPacedP99Ms} ms at ${paced.rate} req/s offered (open loop)`, `${paced.p99} ms at ${round(paced.rps, 0)} req/s`, paced.p99 < TARGETS.retailPacedP99Ms && paced.rps >= paced.rate * 0.95);
  }
  for (const h of http.filter((x) => [...READING, ...WRITING].includes(x.scenario))) {
    if (h.cpuMsPerRequest == null) continue;
    // The pg side: the endpoint's pgbench script replayed through the pg driver (bench/lib/pg-replay.mjs);
    // the reading endpoints have no script yet, so their check shows the server's figure only.
    const floor = results.pgReplay?.[h.scenario]?.cpuMsPerTransaction;
    const what = `${h.name}: server CPU per request within ${TARGETS.cpuToPg} × its SQL through pg`;
    if (floor) check(what, `${round(h.cpuMsPerRequest, 2)} ms vs ${round(floor, 3)} ms (${round(h.cpuMsPerRequest / floor, 1)} ×)`, h.cpuMsPerRequest <= TARGETS.cpuToPg * floor);
    else check(what, `${round(h.cpuMsPerRequest, 2)} ms (pg side not measured: no script for this endpoint)`, false);
  }
  if (outbox) {
    const o = outbox;
    check(`outbox: ${o.backlog.changes}-push backlog ≥ ${TARGETS.outboxBacklogPerSecond} deliveries/s with ${o.worker.processes} worker process(es)`, `${round(o.backlog.deliveriesPerSecond, 0)}/s`, o.backlog.deliveriesPerSecond >= TARGETS.outboxBacklogPerSecond);
    check(`outbox: lag p99 < ${TARGETS.outboxLagP99Ms} ms at a steady ${o.steady.targetRate} changes/s`, `${o.steady.lagP99} ms (producer reached ${round(o.steady.achievedRate, 0)}/s)`, o.steady.lagP99 < TARGETS.outboxLagP99Ms && o.steady.achievedRate >= o.steady.targetRate * 0.95);
    check("outbox: nothing received twice, nothing lost", `${o.duplicates} twice, ${o.notDelivered} undelivered`, o.duplicates === 0 && o.notDelivered === 0);
  }
  check(`server memory < ${TARGETS.serverRssMb} MB through the whole bench`, `${round(serverRssBytes / MB, 0)} MB`, serverRssBytes / MB < TARGETS.serverRssMb);
  for (const c of dashboard?.cases ?? []) {
    check(`dashboard ${c.table} ${c.name} < ${TARGETS.dashboardMs} ms`, `${round(c.medianMs)} ms`, c.medianMs < TARGETS.dashboardMs);
  }
  // Issue 14: the overview's server time; the on-the-spot aggregates are shown beside it, not checked.
  for (const c of (overview?.cases ?? []).filter((c) => c.page)) {
    check(`overview ${c.name} < ${TARGETS.overviewMs} ms`, `${round(c.medianMs)} ms`, c.medianMs < TARGETS.overviewMs);
  }
  return { healthRps, floorRps, checks };
}

function table(header, rows) {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const r of rows) lines.push(`| ${r.map((v) => (v === null || v === undefined ? "–" : String(v))).join(" | ")} |`);
  return lines.join("\n");
}

export function httpTable(results, verdict) {
  const rows = results.http.map((h) => {
    const pg = results.pgbench?.[h.scenario];
    return [
      h.name,
      round(h.rps, 0),
      h.p50,
      h.p99,
      h.errors + h.timeouts,
      h.non2xx,
      h.scenario === "health" ? "1.00" : h.rate ? `(offered ${h.rate}/s)` : round(h.rps / verdict.healthRps, 2).toFixed(2),
      verdict.floorRps ? round(h.rps / verdict.floorRps, 2).toFixed(2) : null,
      h.cpuMsPerRequest != null ? round(h.cpuMsPerRequest, 2) : null,
      h.rssBytes ? round(h.rssBytes / MB, 0) : null,
      pg && !h.rate ? `${round(h.rps / pg.tps, 2).toFixed(2)} × pgbench` : "",
    ];
  });
  for (const [name, pg] of Object.entries(results.pgbench ?? {})) {
    rows.push([`pgbench: ${name} SQL`, round(pg.tps, 0), round(pg.p50), round(pg.p99), pg.failed, "–", "", "", "", "", "PostgreSQL alone"]);
    const replay = results.pgReplay?.[name];
    if (replay) rows.push([`${name} SQL through pg (Node)`, round(replay.tps, 0), null, null, replay.failed, "–", "", "", `${round(replay.cpuMsPerTransaction, 3)} (client)`, "", "Node CPU floor"]);
  }
  return table(["scenario", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "× health", "× floor", "server CPU ms/req", "server RSS MB", "note"], rows);
}

export function renderReport(results) {
  const verdict = evaluate(results);
  const { machine, options, data, outbox, dashboard, overview } = results;
  const http = httpTable(results, verdict);
  const missed = verdict.checks.filter((c) => !c.ok);
  const md = [];
  md.push("# Benchmark results", "");
  md.push(`Produced by \`npm run bench\` on ${machine.date}.`, "");
  md.push(
    `**Machine:** ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}; ` +
      `load average at start ${machine.loadAverage.join(" / ")} (1/5/15 min). Server, PostgreSQL and load generator share the machine.`,
    "",
  );
  md.push(
    `**Data:** ${data.sizes.clients.toLocaleString("en")} loyalty clients (with ${(data.sizes.clients * 3).toLocaleString("en")} ledger entries), ` +
      `${data.sizes.scans.toLocaleString("en")} scans, ${data.sizes.orders.toLocaleString("en")} orders, ${data.sizes.offers.toLocaleString("en")} offers in ` +
      `${data.sizes.segments.toLocaleString("en")} segments; loaded in ${round(data.loadSeconds, 0)} s.`,
    "",
  );
  md.push(`## HTTP (\`next start\`, ${options.connections} connections, ${options.duration} s each, autocannon in its own process)`, "");
  md.push(http, "");
  md.push(
    `Health ran first and last; "× health" divides by their mean (${round(verdict.healthRps, 0)} req/s), "× floor" by the no-database route's. ` +
      `Server CPU per request: the server process's \`process.cpuUsage()\` (user + system) across the scenario ÷ its requests. ` +
      `Server memory (RSS of the whole \`next start\` process tree, sampled every 250 ms): max **${round(results.serverRssBytes / MB, 0)} MB**.`,
    "",
  );
  md.push("What each scenario sends:", "");
  for (const h of results.http.filter((x) => x.info)) md.push(`- \`${h.name}\`: ${h.info}`);
  md.push("");
  if (outbox) {
    md.push(
      `## Outbox (real worker → fake IMSHOP: ${outbox.worker.processes ?? 1} worker process(es), concurrency ${outbox.worker.concurrency}, poll ${outbox.worker.pollIntervalMs} ms)`,
      "",
    );
    md.push(
      table(
        ["measure", "value"],
        [
          [`backlog of ${outbox.backlog.changes} approvals drained`, `${round(outbox.backlog.deliveriesPerSecond, 1)} deliveries/s (${round(outbox.backlog.drainSeconds, 1)} s)`],
          [`steady: target ${outbox.steady.targetRate} changes/s`, `achieved ${round(outbox.steady.achievedRate, 1)} changes/s, ${outbox.steady.changes} changes`],
          ["lag commit → IMSHOP receipt p50", `${outbox.steady.lagP50} ms`],
          ["lag p99 / max", `${outbox.steady.lagP99} ms / ${outbox.steady.lagMax} ms`],
          ["pushes received twice / not delivered", `${outbox.duplicates} / ${outbox.notDelivered}`],
        ],
      ),
      "",
    );
  }
  if (dashboard) {
    md.push(`## Dashboard page queries at 1M rows (page size ${dashboard.pageSize}; median of 5 runs after a warm-up)`, "");
    md.push(
      table(
        ["table", "page", "median ms", "max ms", "EXPLAIN ANALYZE ms", "plan"],
        dashboard.cases.map((c) => [c.table, c.name, round(c.medianMs), round(c.maxMs), round(c.plan?.executionMs), c.plan?.top ?? ""]),
      ),
      "",
    );
  }
  if (overview) {
    md.push(`## Overview (\`/\`) at ${overview.scans} scans and ${overview.orders} orders (median of ${overview.runs} runs after a warm-up)`, "");
    md.push(table(["what", "median ms", "max ms"], overview.cases.map((c) => [c.name, round(c.medianMs), round(c.maxMs)])), "");
  }
  md.push("## Targets", "");
  md.push(table(["target", "measured", "met"], verdict.checks.map((c) => [c.what, c.value, c.ok ? "yes" : "**no**"])), "");
  md.push(missed.length ? `**${missed.length} target(s) missed** — see the README's Benchmarks section for reasons and next steps.` : "All targets met.", "");
  const targetLines = verdict.checks.map((c) => `${c.ok ? "met   " : "MISSED"}  ${c.what}: ${c.value}`).join("\n");
  return {
    markdown: `${md.join("\n")}\n`,
    table: `${http}\n\n${targetLines}\n\nserver RSS max ${round(results.serverRssBytes / MB, 0)} MB; targets missed: ${missed.length} of ${verdict.checks.length}`,
  };
}
