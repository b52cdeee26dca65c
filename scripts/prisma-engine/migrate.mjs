// Programmatic, download-free Prisma Migrate for the start script, `npm run db:migrate` and tests:
// applies prisma/migrations through Prisma's own schema engine (WebAssembly), so `_prisma_migrations`
// gets exactly what `prisma migrate deploy` would write (name, sha-256 checksum, timestamps).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SchemaEngineHost } from "./engine.mjs";
import { canConnect, createDatabase, databaseExists, dropDatabase } from "./db.mjs";

export { canConnect, createDatabase, databaseExists, dropDatabase };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_MIGRATIONS_DIR = path.join(root, "prisma", "migrations");
export const DEFAULT_SCHEMA_PATH = path.join(root, "prisma", "schema.prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * Reads a migrations directory the way the Prisma CLI does before calling the engine
 * (`migration_lock.toml` plus every `<dir>/migration.sql`, sorted by directory name).
 * @returns {Promise<import("@prisma/schema-engine-wasm").MigrationList>}
 */
export async function readMigrationsList(migrationsDir = DEFAULT_MIGRATIONS_DIR, shadowDbInitScript = "") {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = "migration_lock.toml";
  const lockContent = await readFile(path.join(baseDir, lockPath), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await readFile(path.join(baseDir, entry.name, "migration.sql"), "utf8")
      .then((value) => ({ tag: "ok", value }))
      .catch((e) => ({ tag: "error", value: e.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile: { path: lockPath, content: lockContent }, migrationDirectories, shadowDbInitScript };
}

/**
 * Runs `fn(host)` with a schema engine connected to `databaseUrl`, then releases it.
 * `host.call(method, params)` takes the native engine's JSON-RPC methods and parameters.
 * @template T
 * @param {{ databaseUrl: string, shadowDatabaseUrl?: string, schemaPath?: string }} options
 * @param {(host: SchemaEngineHost) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withSchemaEngine({ databaseUrl, shadowDatabaseUrl, schemaPath }, fn) {
  const datamodels = schemaPath ? [[schemaPath, await readFile(schemaPath, "utf8")]] : undefined;
  const host = new SchemaEngineHost({ url: databaseUrl, shadowDatabaseUrl }, { datamodels });
  try {
    return await fn(host);
  } finally {
    await host.dispose();
  }
}

/**
 * Creates the database named in `databaseUrl` when it does not exist yet.
 * @param {string} databaseUrl
 * @returns {Promise<boolean>} whether it was created
 */
export async function createDatabaseIfMissing(databaseUrl) {
  return createDatabase(databaseUrl);
}

/**
 * Applies the pending migrations of `migrationsDir` (default prisma/migrations) to `databaseUrl`,
 * like `prisma migrate deploy`. Fails with the engine's error (P3009 failed migration in the
 * database, P3018 migration script failed, …) without applying anything after a failure.
 * @param {{ databaseUrl: string, migrationsDir?: string, createDatabase?: boolean }} options
 *   createDatabase (default true): create the database first when it does not exist.
 * @returns {Promise<string[]>} names of the migrations applied now (empty when up to date)
 */
export async function applyMigrations({ databaseUrl, migrationsDir = DEFAULT_MIGRATIONS_DIR, createDatabase: create = true }) {
  if (!databaseUrl) throw new Error("applyMigrations: databaseUrl is required");
  if (create) await createDatabase(databaseUrl);
  const migrationsList = await readMigrationsList(migrationsDir);
  return withSchemaEngine({ databaseUrl }, async (host) => {
    const { appliedMigrationNames } = await host.call("applyMigrations", { migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

/**
 * The migration history of `databaseUrl` compared with `migrationsDir`, as `prisma migrate status` sees it.
 * `history` is null when the database is up to date.
 * @param {{ databaseUrl: string, migrationsDir?: string }} options
 * @returns {Promise<{ history: null | { diagnostic: string, [k: string]: unknown }, failedMigrationNames: string[], editedMigrationNames: string[], hasMigrationsTable: boolean }>}
 */
export async function migrationStatus({ databaseUrl, migrationsDir = DEFAULT_MIGRATIONS_DIR }) {
  const migrationsList = await readMigrationsList(migrationsDir);
  return withSchemaEngine({ databaseUrl }, (host) =>
    host.call("diagnoseMigrationHistory", { migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
  );
}

/**
 * SQL that would bring the database at `databaseUrl` to `schemaPath` (default prisma/schema.prisma);
 * an empty string means no drift. Same engine call as
 * `prisma migrate diff --from-config-datasource --to-schema <schemaPath> --script`.
 * @param {{ databaseUrl: string, schemaPath?: string }} options
 * @returns {Promise<string>}
 */
export async function diffDatabaseToSchema({ databaseUrl, schemaPath = DEFAULT_SCHEMA_PATH }) {
  const content = await readFile(schemaPath, "utf8");
  let printed = "";
  return withSchemaEngine({ databaseUrl }, async (host) => {
    host.print = async (text) => void (printed += text);
    const { exitCode } = await host.call("diff", {
      from: { tag: "schemaDatasource", files: [{ path: schemaPath, content }], configDir: root },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return exitCode === 0 ? "" : printed;
  });
}
