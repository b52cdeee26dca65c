#!/usr/bin/env node
// npm drops other platforms' optional packages from package-lock.json when it rewrites the file while
// node_modules exists (npm/cli#4828); `npm ci` then fails on every other machine. This check fails when
// any optional dependency a locked package declares has no entry of its own in the lockfile.
import { readFileSync } from "node:fs";

const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
const packages = lock.packages ?? {};
const missing = [];

for (const [path, meta] of Object.entries(packages)) {
  for (const name of Object.keys(meta.optionalDependencies ?? {})) {
    // Resolution walks up node_modules folders as Node does: nested first, then the root.
    const parts = path.split("node_modules/").filter(Boolean);
    let found = false;
    for (let depth = parts.length; depth >= 0 && !found; depth--) {
      const base = parts.slice(0, depth).map((p) => `node_modules/${p.replace(/\/$/, "")}/`).join("");
      found = `${base}node_modules/${name}` in packages;
    }
    if (!found) missing.push(`${name} (optional dependency of ${path || "the project"})`);
  }
}

if (missing.length > 0) {
  console.error(
    `package-lock.json lacks ${missing.length} optional platform package(s), e.g.\n  ${missing.slice(0, 5).join("\n  ")}\n` +
      "Regenerate it from a clean state so it lists every platform:\n" +
      "  rm -rf node_modules && npm install --package-lock-only --ignore-scripts && npm ci\n" +
      "and commit package-lock.json (see README, 'Dependencies').",
  );
  process.exit(1);
}
console.log(`package-lock.json lists every platform's optional packages (${Object.keys(packages).length} entries)`);
