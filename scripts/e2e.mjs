// `npm run test:e2e`: builds the portal, starts it on a fresh PostgreSQL database with the demo data,
// runs Playwright against it (extra arguments are passed to `playwright test`), then always stops the
// server and drops the database. Exits with Playwright's code.
//   E2E_SKIP_BUILD=1  reuse the existing .next build      E2E_PORT=3100  port for the portal
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareDatabase } from "./lib/prepare-database.mjs";
import { dropDatabase, throwawayDatabaseUrl } from "./lib/test-database.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
if (existsSync(".env")) process.loadEnvFile(".env");

const say = (msg) => console.log(`[e2e] ${msg}`);
const port = Number(process.env.E2E_PORT || 3100);
const baseUrl = `http://127.0.0.1:${port}`;
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const playwrightBin = path.join(root, "node_modules/@playwright/test/cli.js");

const cleanups = [];
let server = null;

/** Debian's Chromium drives the tests (never a browser download); install it when we may. */
async function ensureChromium() {
  const browser = process.env.E2E_CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(browser)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(`no Chromium at ${browser}: run \`sudo apt-get install -y chromium\` (Debian) or set E2E_CHROMIUM_PATH`);
  }
  say("Chromium is missing: installing Debian's chromium package with apt-get");
  const apt = (args) =>
    new Promise((resolve, reject) => {
      const child = spawn("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`apt-get ${args.join(" ")} exited with ${code}`))));
    });
  await apt(["update", "-qq"]);
  await apt(["install", "-y", "-qq", "chromium"]);
}

async function main() {
  await ensureChromium();
  // Another portal already on the port would silently answer in place of the one built here.
  if (await fetch(`${baseUrl}/api/health`).then(() => true, () => false)) {
    throw new Error(`something already listens on ${baseUrl}; stop it or set E2E_PORT`);
  }
  const databaseUrl = throwawayDatabaseUrl("imshop_e2e");
  cleanups.push(async () => {
    await dropDatabase(databaseUrl);
    say("database dropped");
  });
  // Everything the portal (and the bootstrap that seeds the IMSHOP settings) sees during the run.
  const portalEnv = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET || randomBytes(32).toString("hex"),
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    IMSHOP_SCAN_STATUS_URL: "http://127.0.0.1:4010/scan-status",
    IMSHOP_ORDER_STATUS_URL: "http://127.0.0.1:4010/order-status",
    IMSHOP_API_KEY: "test-outbound-key",
    IMSHOP_WEBHOOK_KEY: "test-webhook-key",
    // The fake IMSHOP is on 127.0.0.1 over http, which the SSRF guard refuses otherwise.
    IMSHOP_ALLOW_PRIVATE_URLS: "true",
    WORKER_POLL_INTERVAL_MS: "200",
    DEMO_SEED: "true",
    ADMIN_EMAIL: "",
    ADMIN_PASSWORD: "",
  };
  Object.assign(process.env, portalEnv);

  say(`database: ${new URL(databaseUrl).pathname.slice(1)}`);
  await prepareDatabase({ databaseUrl, seed: true, log: say });

  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) {
    say("E2E_SKIP_BUILD=1: using the existing build");
  } else {
    say("next build…");
    await run(process.execPath, [nextBin, "build"]);
  }

  say(`starting the portal on ${baseUrl}`);
  server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: process.env,
    detached: true,
  });
  const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  cleanups.push(() => stopServer(exited));
  await waitForHealth(exited);

  say(`playwright test ${process.argv.slice(2).join(" ")}`);
  return run(process.execPath, [playwrightBin, "test", ...process.argv.slice(2)], { E2E_BASE_URL: baseUrl }, { allowFailure: true });
}

async function waitForHealth(exited, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let serverGone = false;
  exited.then(() => (serverGone = true));
  while (Date.now() < deadline) {
    if (serverGone) throw new Error("the portal exited before it became healthy");
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return say("portal is healthy");
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the portal did not answer /api/health within ${timeoutMs / 1000} s`);
}

/** SIGTERM to the server's process group (next start spawns children), SIGKILL if it lingers. */
async function stopServer(exited) {
  if (!server || server.exitCode !== null) return;
  const kill = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };
  kill("SIGTERM");
  const timer = setTimeout(() => kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  say("portal stopped");
}

function run(cmd, args, extraEnv = {}, { allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      if (status === 0 || allowFailure) resolve(status);
      else reject(new Error(`${path.basename(args[0])} ${args[1] ?? ""} exited with ${status}`));
    });
  });
}

async function cleanup() {
  while (cleanups.length) {
    const step = cleanups.pop();
    await Promise.resolve()
      .then(step)
      .catch((e) => console.error(`[e2e] cleanup failed: ${e.message}`));
  }
}

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  await cleanup();
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => finish(130));

main().then(
  (code) => finish(code),
  (error) => {
    console.error(`[e2e] ${error.stack ?? error}`);
    finish(1);
  },
);
