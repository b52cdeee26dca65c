// One WebAssembly schema engine for one datasource, with the native engine's JSON-RPC methods on top.
// Keep a single instance per process: the engine caches the schema it computed from the migrations
// (in a shadow database) between `devDiagnostic`/`diagnoseMigrationHistory` and `createMigration`.
import { loadSchemaEngineWasm, engineCommitHash } from "./wasm.mjs";
import {
  createAdapterFactory,
  createDatabase,
  canConnect,
  dropTemporaryShadowDatabases,
  executeScript,
  takeLastScriptError,
  withClient,
  withDatabase,
} from "./db.mjs";
import { KnownError, connectionError } from "./errors.mjs";

const NEEDS_SHADOW_CACHE = "shadow DB must be provided through an external factory";
const LEVELS = { ERROR: 0, WARN: 1, INFO: 2, DEBUG: 3, TRACE: 4 };

function maxLogLevel() {
  const spec = String(process.env.RUST_LOG ?? "info").toLowerCase();
  if (spec.includes("trace")) return LEVELS.TRACE;
  if (spec.includes("debug")) return LEVELS.DEBUG;
  return LEVELS.INFO;
}

export class SchemaEngineHost {
  /**
   * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
   * @param {{ datamodels?: [string, string][], log?: (line: string) => void, print?: (text: string) => Promise<void> }} [options]
   *   datamodels: [path, content] pairs; log: receives the engine's JSON log lines;
   *   print: how `diff` output reaches the user (the native engine asks the CLI to print it).
   */
  constructor(datasource, { datamodels, log, print } = {}) {
    if (!datasource?.url) {
      throw new KnownError("P1012", "No datasource URL was given to the schema engine: set `datasource.url` in prisma.config.ts.");
    }
    this.datasource = datasource;
    this.datamodels = datamodels?.length ? datamodels : undefined;
    this.log = log ?? (() => {});
    this.print = print ?? (async (text) => void process.stdout.write(text));
    this.enginePromise = null;
  }

  /** The underlying `SchemaEngine` from @prisma/schema-engine-wasm, created on first use. */
  engine() {
    this.enginePromise ??= (async () => {
      const { SchemaEngine } = await loadSchemaEngineWasm();
      const maxLevel = maxLogLevel();
      const factory = createAdapterFactory(this.datasource);
      this.factory = factory;
      const onLog = (line) => {
        try {
          if ((LEVELS[JSON.parse(line).level] ?? 0) <= maxLevel) this.log(line);
        } catch {
          this.log(line);
        }
      };
      try {
        return await SchemaEngine.new({ datamodels: this.datamodels }, onLog, factory);
      } catch (e) {
        await factory.close();
        throw connectionError(e, this.datasource.url);
      }
    })();
    this.enginePromise.catch(() => {
      this.enginePromise = null; // let a later request (e.g. after createDatabase) try again
    });
    return this.enginePromise;
  }

  /** Runs one JSON-RPC method of the native schema engine. */
  async call(method, params = {}) {
    switch (method) {
      case "getDatabaseVersion":
        return (await this.engine()).version();
      case "createDatabase": {
        const url = urlOf(params?.datasource, this.datasource.url);
        await createDatabase(url).catch((e) => Promise.reject(connectionError(e, url)));
        return { databaseName: new URL(url).pathname.slice(1) };
      }
      case "ensureConnectionValidity": {
        const url = urlOf(params?.datasource, this.datasource.url);
        await canConnect(url).catch((e) => Promise.reject(connectionError(e, url)));
        return {};
      }
      case "dbExecute": {
        const url = params?.datasourceType?.tag === "url" ? params.datasourceType.url : this.datasource.url;
        await executeScript(url, params.script).catch((e) => Promise.reject(connectionError(e, url)));
        return null;
      }
      case "diff": {
        const { stdout, ...rest } = await (await this.engineForDiff(params)).diff(params);
        if (stdout) await this.print(stdout.replace(/\n$/, ""));
        return rest;
      }
      case "createMigration":
      case "evaluateDataLoss":
        return this.withShadowSchemaCache(method, params);
      case "debugPanic":
        return (await this.engine()).debugPanic();
      case "applyMigrations":
        return this.applyMigrations(params);
      case "devDiagnostic":
      case "diagnoseMigrationHistory":
      case "introspect":
      case "introspectSql":
      case "markMigrationApplied":
      case "markMigrationRolledBack":
      case "reset":
      case "schemaPush": {
        const engine = await this.engine();
        const result = await engine[method](params);
        return method === "reset" ? {} : (result ?? {});
      }
      default:
        throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
  }

  /**
   * `diff` between migrations / schema files / empty never reads the main database, but the WebAssembly
   * engine connects to it at start: when it does not exist, connect to the server's `postgres` database.
   */
  async engineForDiff({ from, to }) {
    try {
      return await this.engine();
    } catch (e) {
      const needsMain = [from?.tag, to?.tag].some((tag) => tag === "schemaDatasource" || tag === "url");
      if (e?.code !== "P1003" || needsMain) throw e;
      this.datasource = { ...this.datasource, url: withDatabase(this.datasource.url, "postgres") };
      return this.engine();
    }
  }

  /**
   * Like the native engine, report a migration script that failed as P3018 with the migration's name
   * and the database error (the WebAssembly engine only says "external connector error").
   */
  async applyMigrations(params) {
    const engine = await this.engine();
    takeLastScriptError();
    try {
      return await engine.applyMigrations(params);
    } catch (e) {
      const dbError = takeLastScriptError();
      if (e?.code || !dbError) throw e;
      const failed = await withClient(this.datasource.url, (c) =>
        c.query(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at DESC LIMIT 1",
        ),
      ).catch(() => null);
      const name = failed?.rows?.[0]?.migration_name ?? "unknown";
      throw new KnownError(
        "P3018",
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
          "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
          `Migration name: ${name}\n\nDatabase error code: ${dbError.code ?? "unknown"}\n\nDatabase error:\n` +
          `${dbError.severity ?? "ERROR"}: ${dbError.message}\n`,
        { migration_name: name, database_error_code: dbError.code ?? "", database_error: dbError.message },
      );
    }
  }

  /**
   * `createMigration` and `evaluateDataLoss` read the schema of the migration history from a cache the
   * engine fills (with a shadow database) in `diagnoseMigrationHistory`, and fail if it is empty. That
   * happens when the earlier diagnosis ran while the database was behind: diagnose again, then retry.
   */
  async withShadowSchemaCache(method, params) {
    const engine = await this.engine();
    try {
      return await engine[method](params);
    } catch (e) {
      if (!String(e?.message).includes(NEEDS_SHADOW_CACHE)) throw e;
    }
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters ?? { externalTables: [], externalEnums: [] },
    });
    try {
      return await engine[method](params);
    } catch (e) {
      if (!String(e?.message).includes(NEEDS_SHADOW_CACHE)) throw e;
      throw new KnownError(
        "P3006",
        `${method} needs the database to be up to date with the migrations directory; run \`prisma migrate deploy\` (or \`migrate dev\`) first.`,
      );
    }
  }

  /** Frees the engine, closes its connections and drops shadow databases it left behind. */
  async dispose() {
    const pending = this.enginePromise;
    this.enginePromise = null;
    if (pending) {
      const engine = await pending.catch(() => null);
      try {
        engine?.free();
      } catch {
        /* already freed */
      }
    }
    await this.factory?.close();
    this.factory = null;
    await dropTemporaryShadowDatabases();
  }

  static version() {
    return `schema-engine-cli ${engineCommitHash()}`;
  }
}

/** The URL in a native `DatasourceParam` ({tag: "ConnectionString", url} or {tag: "Schema", files}). */
function urlOf(datasourceParam, fallback) {
  return datasourceParam?.tag === "ConnectionString" && datasourceParam.url ? datasourceParam.url : fallback;
}
