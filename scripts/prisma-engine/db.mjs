// PostgreSQL plumbing for the schema-engine stand-in: URL handling, database create/drop,
// and the driver-adapter factory the WebAssembly engine talks to.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

// Query parameters that only Prisma's native engine understands; node-postgres must not see them.
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "sslaccept",
  "sslidentity",
  "sslpassword",
];
const OID_CHAR = 18; // Postgres' one-byte internal "char" type, used by the catalogs
const OID_TEXT = 25;

/**
 * Splits a Prisma PostgreSQL URL into what node-postgres needs and what Prisma reads itself.
 * @param {string} url
 * @returns {{ connectionString: string, schema: string, database: string, host: string }}
 */
export function parsePostgresUrl(url) {
  if (!url) throw Object.assign(new Error("The datasource URL is empty."), { code: "P1012" });
  let u;
  try {
    u = new URL(url);
  } catch {
    throw Object.assign(new Error("The provided database string is invalid."), { code: "P1013" });
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw Object.assign(
      new Error(`The stand-in schema engine only supports PostgreSQL URLs, got \`${u.protocol}\`.`),
      { code: "P1013" },
    );
  }
  const schema = u.searchParams.get("schema") || "public";
  for (const p of PRISMA_ONLY_PARAMS) u.searchParams.delete(p);
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres";
  return { connectionString: u.toString(), schema, database, host: `${u.hostname || "localhost"}:${u.port || 5432}` };
}

/** Returns `url` pointing at another database on the same server (other parameters kept). */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

/**
 * node-postgres client that lets @prisma/adapter-pg read Postgres' internal `"char"` columns
 * (pg_constraint.contype, pg_class.relkind, pg_attribute.attidentity, …), which the schema engine
 * reads while describing a database. The adapter has no mapping for that type and rejects it, so the
 * column is presented to it as text (the value is a one-letter string either way) and the result rows
 * remember which columns were `"char"`: `asCharacterColumns` then types them `Character`, because the
 * describer reads some of them as a char (`get_expect_char("constraint_type")`), as the native engine's
 * driver delivers them, and panics on text.
 */
class CatalogFriendlyClient extends pg.Client {
  query(config, values, callback) {
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") return super.query(config, (err, res) => values(err, charAsText(res)));
    if (typeof callback === "function") return super.query(config, values, (err, res) => callback(err, charAsText(res)));
    return super.query(config, values).then(charAsText);
  }
}

// Column indexes of `"char"` columns, attached to a result's `rows` array: the adapter hands that very
// array back from `queryRaw`, while the field descriptions it built the column types from stay inside.
const CHAR_COLUMNS = Symbol("charColumns");

function charAsText(res) {
  for (const r of Array.isArray(res) ? res : [res]) {
    const charColumns = [];
    (r?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID !== OID_CHAR) return;
      field.dataTypeID = OID_TEXT;
      charColumns.push(i);
    });
    if (charColumns.length && Array.isArray(r.rows)) Object.defineProperty(r.rows, CHAR_COLUMNS, { value: charColumns });
  }
  return res;
}

/** Makes `queryRaw` of an adapter (and of its transactions) type the `"char"` columns `Character`. */
function asCharacterColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of result.rows?.[CHAR_COLUMNS] ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => asCharacterColumns(await startTransaction(...args));
  }
  return queryable;
}

/** A node-postgres pool for a Prisma URL, with `search_path` set to the URL's `schema`. */
export function createPool(url, extra = {}) {
  const { connectionString, schema } = parsePostgresUrl(url);
  return new pg.Pool({
    connectionString,
    Client: CatalogFriendlyClient,
    options: `-c search_path=${quoteIdent(schema)}`,
    max: 4,
    ...extra,
  });
}

/** Runs `fn(client)` with a single short-lived connection. */
export async function withClient(url, fn) {
  const { connectionString } = parsePostgresUrl(url);
  const client = new CatalogFriendlyClient({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `fn(client)` connected to a maintenance database on the server of `url` (postgres, then template1). */
export async function withAdminClient(url, fn) {
  const { database } = parsePostgresUrl(url);
  let lastError;
  for (const admin of ["postgres", "template1", database]) {
    try {
      return await withClient(withDatabase(url, admin), fn);
    } catch (e) {
      lastError = e;
      if (e?.code !== "3D000") throw e; // only retry when that maintenance database is missing
    }
  }
  throw lastError;
}

/** Whether a database can be reached. Resolves to true, or throws the driver error. */
export async function canConnect(url) {
  await withClient(url, (c) => c.query("SELECT 1"));
  return true;
}

/** Whether the database named in `url` exists on its server. */
export async function databaseExists(url) {
  const { database } = parsePostgresUrl(url);
  return withAdminClient(url, async (c) => {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    return r.rowCount > 0;
  });
}

/**
 * Creates the database named in `url` if it does not exist.
 * @returns {Promise<boolean>} true if it was created, false if it already existed.
 */
export async function createDatabase(url) {
  const { database } = parsePostgresUrl(url);
  return withAdminClient(url, async (c) => {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (r.rowCount > 0) return false;
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(database)}`);
    } catch (e) {
      if (e?.code === "42P04" || e?.code === "23505") return false; // created concurrently
      throw e;
    }
    return true;
  });
}

/**
 * Drops the database named in `url` (closing other sessions on it) if it exists.
 * @returns {Promise<boolean>} true if it was dropped.
 */
export async function dropDatabase(url) {
  const { database } = parsePostgresUrl(url);
  return withAdminClient(url, async (c) => {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (r.rowCount === 0) return false;
    try {
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    } catch (e) {
      if (e?.code !== "42601") throw e; // syntax error: server older than 13, no FORCE
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
    }
    return true;
  });
}

/** Runs a whole SQL script as one simple-protocol command, as the native engine's `db execute` does. */
export async function executeScript(url, script) {
  await withClient(url, (c) => c.query(script));
}

/**
 * Prepares an adapter for the schema engine: `"char"` columns typed as the engine expects
 * (see CatalogFriendlyClient), and the native engine's script semantics: @prisma/adapter-pg splits
 * scripts on `;` (which breaks `DEFAULT 'a;b'` or function bodies); Postgres runs a multi-statement
 * simple query as one implicit transaction, which is what the native engine relies on for migration scripts.
 */
function forSchemaEngine(adapter) {
  asCharacterColumns(adapter);
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (e) {
      lastScriptError = e;
      adapter.onError(e);
    }
  };
  return adapter;
}

let lastScriptError = null;

/** The last database error a script (e.g. a migration) failed with, then forgets it. */
export function takeLastScriptError() {
  const error = lastScriptError;
  lastScriptError = null;
  return error;
}

const temporaryShadowDatabases = new Set();

/** Drops temporary shadow databases the engine did not release (called before the process exits). */
export async function dropTemporaryShadowDatabases() {
  for (const shadowUrl of temporaryShadowDatabases) {
    await dropDatabase(shadowUrl).catch(() => {});
    temporaryShadowDatabases.delete(shadowUrl);
  }
}

/**
 * The migration-aware driver-adapter factory handed to the WebAssembly schema engine.
 * Shadow databases: with `shadowDatabaseUrl` that database is emptied and used (as the native engine
 * does); otherwise a temporary `prisma_migrate_shadow_db_<uuid>` is created next to the main database
 * and dropped when the engine releases it (adapter-pg's own helper would reuse the main database).
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const { schema } = parsePostgresUrl(url);
  const factory = new PrismaPg(createPool(url), { schema, disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  const connected = [];
  factory.connect = async () => {
    const adapter = forSchemaEngine(await connect());
    connected.push(adapter);
    return adapter;
  };
  factory.connectToShadowDb = async () => {
    if (shadowDatabaseUrl) {
      if (sameDatabase(shadowDatabaseUrl, url)) {
        throw Object.assign(
          new Error("The shadow database you configured appears to be the same as the main database. Please specify another shadow database."),
          { code: "P3014" },
        );
      }
      const shadow = parsePostgresUrl(shadowDatabaseUrl);
      await createDatabase(shadowDatabaseUrl);
      await withClient(shadowDatabaseUrl, (c) =>
        c.query(`DROP SCHEMA IF EXISTS ${quoteIdent(shadow.schema)} CASCADE; CREATE SCHEMA ${quoteIdent(shadow.schema)}`),
      );
      const f = new PrismaPg(createPool(shadowDatabaseUrl), { schema: shadow.schema, disposeExternalPool: true });
      const adapter = forSchemaEngine(await f.connect());
      connected.push(adapter);
      return adapter;
    }
    const shadowUrl = withDatabase(url, `prisma_migrate_shadow_db_${randomUUID()}`);
    temporaryShadowDatabases.add(shadowUrl);
    await createDatabase(shadowUrl);
    const f = new PrismaPg(createPool(shadowUrl), { schema, disposeExternalPool: true });
    const adapter = forSchemaEngine(await f.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose().catch(() => {});
      await dropDatabase(shadowUrl);
      temporaryShadowDatabases.delete(shadowUrl);
    };
    return adapter;
  };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  /** Closes the connection pools the engine did not release (the main one at least). */
  bound.close = async () => {
    for (const adapter of connected.splice(0)) await adapter.dispose().catch(() => {});
  };
  return bound;
}

function sameDatabase(a, b) {
  const x = new URL(a);
  const y = new URL(b);
  return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432") && x.pathname === y.pathname;
}
