// pgbench running bench/retail.pgbench.sql: PostgreSQL's own ceiling for the retail transaction.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile } from "./stats.mjs";

/**
 * Runs pgbench with per-transaction logging (-l) in a temporary folder and returns tps and the
 * latency percentiles computed from that log (pgbench itself prints only the average).
 */
export async function runPgbench({ script, databaseUrl, clients, threads, seconds, vars }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "imshop-pgbench-"));
  const args = ["-n", "-M", "extended", "-c", String(clients), "-j", String(threads), "-T", String(seconds), "-l", "-f", script];
  for (const [k, v] of Object.entries(vars)) args.push("-D", `${k}=${v}`);
  args.push(databaseUrl);
  try {
    const { code, stdout, stderr } = await capture("pgbench", args, dir);
    if (code !== 0) throw new Error(`pgbench exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    const latencies = [];
    for (const file of readdirSync(dir).filter((f) => f.startsWith("pgbench_log"))) {
      for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
        // client_id transaction_no time_us script_no time_epoch time_us_part
        const us = Number(line.split(" ")[2]);
        if (Number.isFinite(us)) latencies.push(us / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    return {
      tps,
      transactions: latencies.length,
      failed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors: stderr.trim() ? stderr.trim().split("\n").slice(0, 3) : [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function capture(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
