// Brings a database to the state the portal needs: created, Prisma migrations applied (recorded in
// _prisma_migrations like the native engine), graphile-worker's schema installed, demo data seeded
// into an empty database. Used by `npm start`, `npm run db:migrate`, the e2e runner and the test setup.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { runMigrations } from "graphile-worker";
import { applyMigrations, createDatabaseIfMissing } from "../prisma-engine/migrate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * @param {{ databaseUrl: string, seed?: boolean, bootstrap?: boolean, log?: (msg: string) => void }} opts
 * seed: run the demo seed when the database has no users yet; bootstrap: ensure the first admin and the
 * IMSHOP settings from the environment (always safe to run).
 */
export async function prepareDatabase({ databaseUrl, seed = false, bootstrap = true, log = () => {} }) {
  await createDatabaseIfMissing(databaseUrl);
  const applied = await applyMigrations({ databaseUrl });
  log(`migrations: ${applied.length ? applied.join(", ") : "up to date"}`);
  await runMigrations({ connectionString: databaseUrl });
  log("job queue schema: ready");
  if (seed && (await isEmpty(databaseUrl))) {
    await runTsx("prisma/seed.ts", databaseUrl);
    log("demo data: seeded");
  }
  if (bootstrap) await runTsx("scripts/bootstrap.ts", databaseUrl);
}

async function isEmpty(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "User"');
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

/** Runs a TypeScript entry with tsx, in the repo root, against the given database. */
export function runTsx(entry, databaseUrl, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), entry], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: databaseUrl, ...extraEnv },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${entry} exited with code ${code}`))));
  });
}
