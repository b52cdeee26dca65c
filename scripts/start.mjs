// `npm start`: one command from a fresh clone to a running portal, in one of two modes.
// - Local demo (no DATABASE_URL): an embedded PostgreSQL (PGlite) in .data/pglite, secrets generated once
//   per install into .data/secrets.json, demo data seeded into an empty database.
// - A real PostgreSQL (DATABASE_URL set): no demo data unless DEMO_SEED=true, and no start without
//   NEXTAUTH_SECRET and SETTINGS_ENCRYPTION_KEY.
// Either way it migrates, builds when the sources are newer than the last build, and starts `next start`
// with the outbox worker inside it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, statSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareDatabase, runTsx } from "./lib/prepare-database.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
if (existsSync(".env")) process.loadEnvFile(".env");

const say = (msg) => console.log(`[imshop-connect] ${msg}`);
const port = Number(process.env.PORT || 3000);
const cleanups = [];

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  const extraEnv = {};
  const demo = !databaseUrl;
  if (demo) {
    const embedded = await import("./embedded-postgres.mjs");
    const db = await embedded.startEmbeddedPostgres({ dataDir: path.join(root, ".data/pglite") });
    cleanups.push(() => db.stop());
    databaseUrl = db.url;
    say(`DATABASE_URL is not set: local demo on the embedded PostgreSQL (PGlite) in .data/pglite at ${db.url}`);
    Object.assign(extraEnv, embedded.embeddedServerEnv ?? {});
    for (const line of embedded.embeddedNotes ?? []) say(line);
    // What the user set wins; the demo's own secrets are made once and kept with its data.
    for (const [name, value] of Object.entries(localSecrets())) process.env[name] ||= value;
    process.env.DEMO_SEED ||= "true";
  }
  process.env.DATABASE_URL = databaseUrl;
  // Refuses, naming each wrong or missing variable, before anything touches the database.
  await runTsx("scripts/check-start.ts", databaseUrl).catch(() => shutdown(1));
  const seed = ["true", "1", "yes"].includes(process.env.DEMO_SEED ?? "");
  await prepareDatabase({ databaseUrl, seed, log: say });
  if (needsBuild()) {
    say("building the portal (next build)…");
    await run(process.execPath, [nextBin(), "build"], {});
  }
  const env = {
    ...extraEnv, // embedded defaults yield to what the user set
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  };
  const server = spawn(process.execPath, [nextBin(), "start", "-p", String(port)], { stdio: "inherit", env });
  const exited = new Promise((resolve) => server.on("exit", (c) => resolve(c ?? 0)));
  // The server (and its worker) must let go of the database before an embedded one is stopped.
  cleanups.push(async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
  });
  say(`portal: http://localhost:${port}${seed ? "  (demo sign-in: admin@example.com / admin12345)" : ""}`);
  await shutdown(await exited);
}

/** The local demo's NEXTAUTH_SECRET and SETTINGS_ENCRYPTION_KEY: random, made once per install. */
function localSecrets() {
  const file = path.join(root, ".data/secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(48).toString("base64url"),
    SETTINGS_ENCRYPTION_KEY: randomBytes(48).toString("base64url"),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  say("generated this install's secrets in .data/secrets.json (keep it with .data/pglite)");
  return secrets;
}

const nextBin = () => path.join(root, "node_modules/next/dist/bin/next");

/** Rebuild when any source file is newer than the last build (or there is none). */
function needsBuild() {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const dirs = ["app", "components", "lib", "i18n", "messages", "public", "worker"];
  const files = ["next.config.mjs", "package.json", "instrumentation.ts", "proxy.ts", "middleware.ts"];
  const newer = (p) => existsSync(p) && statSync(p).mtimeMs > built;
  const walk = (dir) =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? e.name !== "generated" && walk(path.join(dir, e.name)) : newer(path.join(dir, e.name)),
    );
  return files.some(newer) || dirs.some(walk);
}

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  while (cleanups.length) await Promise.resolve(cleanups.pop()()).catch(() => undefined);
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(0));

main().catch(async (error) => {
  console.error(`[imshop-connect] could not start: ${error.message}`);
  await shutdown(1);
});
