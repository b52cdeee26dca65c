// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
// The package entry imports a .wasm file as an ES module, which Node 20 cannot do without a flag,
// so the module is instantiated here by hand, the way wasm-bindgen's generated entry would.
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const BG_MODULE = "@prisma/schema-engine-wasm/schema_engine_bg";
// createRequire rather than import.meta.resolve: tsx (which runs this from .ts files) lacks the latter.
const pkgDir = () => path.dirname(createRequire(import.meta.url).resolve(BG_MODULE));

let loading;
let lastPanicMessage = null;

/** The message of the last Rust panic inside the WebAssembly engine (or null), then forgets it. */
export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}

/** A Rust panic surfaces in JS as `RuntimeError: unreachable`; its reason goes to this registry. */
export function isWasmPanic(error) {
  return error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError";
}

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} the initialised bindings (SchemaEngine, version). */
export function loadSchemaEngineWasm() {
  loading ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        lastPanicMessage = message;
      },
    };
    const bg = await import(BG_MODULE);
    const bytes = await readFile(path.join(pkgDir(), "schema_engine_bg.wasm"));
    // The engine arms 10 s timers (timeouts around its queries) that are never cleared; unref them so a
    // finished migration does not keep the process alive for another 10 s.
    const imports = { ...bg };
    for (const name of Object.keys(bg).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (...args) => {
        const timer = bg[name](...args);
        timer?.unref?.();
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bg;
  })();
  return loading;
}

/** The engine commit hash, e.g. "0edf323e…", taken from the wasm package version. */
export function engineCommitHash() {
  const { version } = JSON.parse(readFileSync(path.join(pkgDir(), "package.json"), "utf8"));
  return String(version).split(".").pop() ?? "unknown";
}
