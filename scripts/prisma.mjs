#!/usr/bin/env node
// Runs the project's Prisma CLI (node_modules/prisma) with no download: unless you already point
// PRISMA_SCHEMA_ENGINE_BINARY at a native engine, it uses scripts/prisma-engine/schema-engine.mjs,
// a stand-in that runs Prisma's own schema engine compiled to WebAssembly.
//   node scripts/prisma.mjs <any prisma arguments>      e.g. `generate`, `migrate dev --create-only`
// Set PRISMA_ENGINE=native to let Prisma fetch and use its native engine instead.
import { spawn } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STAND_IN = path.join(root, "scripts", "prisma-engine", "schema-engine.mjs");

function prismaCli() {
  const local = path.join(root, "node_modules", "prisma", "build", "index.js");
  if (existsSync(local)) return local;
  return createRequire(import.meta.url).resolve("prisma/build/index.js");
}

/**
 * PRISMA_SCHEMA_ENGINE_BINARY must name a file the CLI can execute directly. Git keeps the stand-in's
 * x bit, but a copy without it (zip download, some CI caches) gets it back here, or — on a read-only
 * checkout — gets a tiny launcher script in the temp directory instead.
 */
function executableStandIn() {
  if (process.platform === "win32") {
    throw new Error("The schema-engine stand-in needs a POSIX system; on Windows set PRISMA_ENGINE=native.");
  }
  try {
    accessSync(STAND_IN, constants.X_OK);
    return STAND_IN;
  } catch {
    /* not executable */
  }
  try {
    chmodSync(STAND_IN, 0o755);
    accessSync(STAND_IN, constants.X_OK);
    return STAND_IN;
  } catch {
    /* read-only checkout */
  }
  const dir = path.join(os.tmpdir(), `prisma-engine-stand-in-${process.getuid?.() ?? "user"}`);
  mkdirSync(dir, { recursive: true });
  const launcher = path.join(dir, "schema-engine");
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(launcher, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(STAND_IN)} "$@"\n`, { mode: 0o755 });
  chmodSync(launcher, 0o755);
  return launcher;
}

const env = { ...process.env };
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
env.CHECKPOINT_DISABLE ??= "1"; // no update check / telemetry request
env.PRISMA_HIDE_PREVIEW_FLAG_WARNINGS ??= "1";
// The stand-in's `#!/usr/bin/env node` must find a node (use the one running this script), and the
// seed command (`tsx prisma/seed.ts`) must find the project's binaries, as under `npm run`.
env.PATH = [path.dirname(process.execPath), path.join(root, "node_modules", ".bin"), env.PATH]
  .filter(Boolean)
  .join(path.delimiter);

const userEngine = env.PRISMA_SCHEMA_ENGINE_BINARY || env.PRISMA_MIGRATION_ENGINE_BINARY;
if (!userEngine && env.PRISMA_ENGINE !== "native") {
  try {
    env.PRISMA_SCHEMA_ENGINE_BINARY = executableStandIn();
  } catch (e) {
    console.error(`prisma.mjs: ${e.message}`);
    process.exit(1);
  }
}

const child = spawn(process.execPath, [prismaCli(), ...process.argv.slice(2)], { stdio: "inherit", env, cwd: process.cwd() });
const forward = (signal) => () => child.kill(signal);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, forward(signal));
child.on("error", (e) => {
  console.error(`prisma.mjs: could not start the Prisma CLI: ${e.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
