// Starting and stopping `next start` for the bench, and sampling its memory from /proc.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** A port nothing listens on right now (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(cmd, args, { env = process.env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env, cwd });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} exited with ${code}`))));
  });
}

/**
 * `next start` in its own process group (it forks a server child), logs to `logFile`. Resolves once
 * /api/health answers 200.
 */
export async function startNext({ root, port, env, logFile }) {
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", out, out],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  let gone = false;
  exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (gone) return;
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    kill("SIGTERM");
    const timer = setTimeout(() => kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (gone) throw new Error(`next start exited early; see ${logFile}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not become healthy in 90 s; see ${logFile}`);
    }
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, pid: child.pid, stop };
}

/** Resident memory (bytes) of `pid` and all its descendants, read from /proc. */
export function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(Number(entry), pages * 4096);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Samples treeRss(pid) every `everyMs` until stopped: the maximum overall, and per window (e.g. per scenario). */
export function sampleMemory(pid, everyMs = 250) {
  let max = 0;
  let windowMax = 0;
  const tick = () => {
    const rss = treeRss(pid);
    max = Math.max(max, rss);
    windowMax = Math.max(windowMax, rss);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    max: () => max,
    /** The maximum since the previous call. */
    window: () => {
      tick();
      const seen = windowMax;
      windowMax = 0;
      return seen;
    },
    stop: () => {
      clearInterval(timer);
      tick();
      return max;
    },
  };
}

/**
 * What a bench's portal sees, at build time too (pages are prerendered against the configuration): this
 * process's environment, production mode, the bench database, fresh secrets, no demo data; `extra` on top.
 */
export function benchPortalEnv({ databaseUrl, port, extra = {} }) {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    DEMO_SEED: "false",
    ADMIN_EMAIL: "",
    ADMIN_PASSWORD: "",
    ...extra,
  };
}
