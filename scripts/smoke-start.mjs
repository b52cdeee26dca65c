// `node scripts/smoke-start.mjs`: the built portal starts and answers, on whatever Node runs this script.
// CI runs it on Node 26 (after `npm run build`): a fresh database, migrations, `next start` with a
// production environment, then /api/health, the sign-in page and a webhook's 401, then everything stops.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareDatabase } from "./lib/prepare-database.mjs";
import { dropDatabase, throwawayDatabaseUrl } from "./lib/test-database.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (msg) => console.log(`[smoke] ${msg}`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });

async function main() {
  const databaseUrl = throwawayDatabaseUrl("imshop_smoke");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server;
  try {
    // As a production release does it: `npm run db:migrate`, then `npm run serve`.
    await prepareDatabase({ databaseUrl, seed: false, bootstrap: false, log: say });
    server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
        LOG_LEVEL: "warn",
      },
    });
    const exited = new Promise((resolve) => server.once("exit", resolve));
    const deadline = Date.now() + 90_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
      healthy = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (!healthy) await new Promise((r) => setTimeout(r, 300));
    }
    if (!healthy) throw new Error("no healthy answer within 90 s");
    const signIn = await fetch(`${base}/sign-in`);
    if (signIn.status !== 200) throw new Error(`/sign-in answered ${signIn.status}`);
    const webhook = await fetch(`${base}/api/imshop/scans`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    if (webhook.status !== 401) throw new Error(`a webhook without a key answered ${webhook.status}, not 401`);
    say(`Node ${process.version}: the portal started and answered health, sign-in and a refused webhook`);
    server.kill("SIGTERM");
    await exited;
  } finally {
    if (server && server.exitCode === null) server.kill("SIGKILL");
    await dropDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(`[smoke] failed: ${error.message}`);
  process.exit(1);
});
