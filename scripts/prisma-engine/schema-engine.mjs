#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
// Set PRISMA_SCHEMA_ENGINE_BINARY to this file (scripts/prisma.mjs does) and the ordinary Prisma CLI
// runs `migrate …`, `db …` and `generate` through Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm), connected to PostgreSQL through @prisma/adapter-pg.
//
// Speaks the native engine's interface (prisma/build/cli.js):
//   schema-engine --version
//   schema-engine [--datamodels FILE]... [--datasource JSON] [--enabled-preview-features A,B] [--extension-types JSON]
//       JSON-RPC 2.0 on stdin/stdout, one message per line; JSON log lines on stderr
//   schema-engine --datasource JSON cli can-connect-to-database|create-database|drop-database
//       exit status 0 on success; on failure JSON log lines with `error_code` on stderr
import { readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { SchemaEngineHost } from "./engine.mjs";
import { canConnect, createDatabase, dropDatabase } from "./db.mjs";
import { connectionError, logLine, rpcError, toErrorData } from "./errors.mjs";

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`Missing value for ${a}`);
      return argv[++i];
    };
    if (a === "--version" || a === "-V") args.version = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--datamodels" || a === "-d") args.datamodels.push(value());
    else if (a.startsWith("--datamodels=")) args.datamodels.push(a.slice("--datamodels=".length));
    else if (a === "--datasource") args.datasource = JSON.parse(value());
    else if (a.startsWith("--datasource=")) args.datasource = JSON.parse(a.slice("--datasource=".length));
    else if (a === "--enabled-preview-features" || a === "--extension-types") value(); // not used by Postgres
    else if (a === "cli") {
      args.cli = argv[i + 1];
      break;
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return args;
}

/** `cli` sub-commands: the CLI skips the first stderr line and reads `fields.error_code` from the rest. */
async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  try {
    if (!url) throw new Error("The `cli` commands need `--datasource '{\"url\": …}'`.");
    if (command === "can-connect-to-database") await canConnect(url);
    else if (command === "create-database") {
      await createDatabase(url);
      process.stdout.write(`Database '${new URL(url).pathname.slice(1)}' was successfully created.\n`);
    } else if (command === "drop-database") {
      await dropDatabase(url);
      process.stdout.write(`The database was successfully dropped.\n`);
    } else throw new Error(`Unknown cli command: ${command}`);
    return 0;
  } catch (e) {
    const data = toErrorData(url ? connectionError(e, url) : e);
    process.stderr.write(`${logLine("INFO", `Running cli command ${command}`)}\n`);
    process.stderr.write(`${logLine("ERROR", data.message, { error_code: data.error_code ?? "", is_panic: false })}\n`);
    return 1;
  }
}

/** JSON-RPC over stdin/stdout, requests handled one at a time, like the native engine. */
function serve(host) {
  let nextPrintId = 1;
  const pendingPrints = new Map();
  const write = (message) => {
    if (!process.stdout.destroyed) process.stdout.write(`${JSON.stringify(message)}\n`);
  };
  // The native engine hands `diff` output to the CLI with a `print` request and waits for the answer.
  host.print = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      write({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  let queue = Promise.resolve();
  const handle = async (request) => {
    const { id, method, params } = request;
    try {
      const result = await host.call(method, params ?? {});
      write({ jsonrpc: "2.0", id, result: result ?? null });
    } catch (e) {
      if (e?.rpcCode) write({ jsonrpc: "2.0", id, error: { code: e.rpcCode, message: e.message } });
      else write(rpcError(id, e));
    }
  };

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    if (typeof message.method === "string") queue = queue.then(() => handle(message));
  });

  let closing = false;
  const shutdown = async (code) => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(code), 15_000).unref(); // never hang on a stuck connection
    await queue.catch(() => {});
    await host.dispose().catch(() => {});
    process.exit(code);
  };
  lines.on("close", () => void shutdown(0));
  // The CLI ends stdin and then kills the engine right away: finish cleaning up (shadow databases) first.
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(130));
}

async function main() {
  // The CLI may go away before we finish cleaning up: never die of EPIPE on a closed pipe.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`${SchemaEngineHost.version()}\n`);
    return;
  }
  if (args.help) {
    process.stdout.write(readFileSync(new URL(import.meta.url), "utf8").split("\n").slice(1, 14).join("\n").replace(/^\/\/ ?/gm, "") + "\n");
    return;
  }
  if (args.cli) {
    process.exitCode = await runCliCommand(args.cli, args.datasource);
    return;
  }
  const datamodels = args.datamodels.map((file) => [file, readFileSync(path.resolve(file), "utf8")]);
  let host;
  try {
    host = new SchemaEngineHost(args.datasource ?? {}, {
      datamodels,
      log: (line) => process.stderr.writable && process.stderr.write(`${line}\n`),
    });
  } catch (e) {
    // No usable datasource: answer every request with the error instead of dying mid-protocol.
    host = { call: async () => Promise.reject(e), dispose: async () => {} };
  }
  serve(host);
}

main().catch((e) => {
  const data = toErrorData(e);
  process.stderr.write(`${logLine("ERROR", data.message, { error_code: data.error_code ?? "", is_panic: data.is_panic })}\n`);
  process.exit(1);
});
