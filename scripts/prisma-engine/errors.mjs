// Turns errors from node-postgres, the driver adapter and the WebAssembly engine into the
// `{ is_panic, message, error_code, meta }` shape the native schema engine reports to the Prisma CLI.
import { isWasmPanic, takePanicMessage } from "./wasm.mjs";

/** A user-facing error with a Prisma error code (P1001, P3018, …). */
export class KnownError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.code = code;
    this.meta = meta;
  }
}

function describeUrl(url) {
  try {
    const u = new URL(url);
    return {
      host: `${u.hostname || "localhost"}:${u.port || 5432}`,
      database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
      user: decodeURIComponent(u.username) || "postgres",
    };
  } catch {
    return { host: "unknown", database: "unknown", user: "unknown" };
  }
}

const unreachable = (host) =>
  new KnownError("P1001", `Can't reach database server at \`${host}\`\n\nPlease make sure your database server is running at \`${host}\`.`, {
    database_location: host,
  });
const missingDatabase = (database, host) =>
  new KnownError("P1003", `Database \`${database}\` does not exist on the database server at \`${host}\`.`, {
    database_name: database,
    database_location: host,
  });

/**
 * Maps a node-postgres / adapter / engine error about connecting to `url` to the native error code.
 * Returns the error unchanged when it is not a connection problem.
 */
export function connectionError(error, url) {
  const { host, database, user } = describeUrl(url);
  const code = error?.code ?? error?.cause?.code;
  const kind = error?.cause?.kind;
  const message = String(error?.message ?? "");
  if (code === "3D000" || kind === "DatabaseDoesNotExist" || /^Database `[^`]*` does not exist/.test(message)) {
    return missingDatabase(database, host);
  }
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"].includes(code) || kind === "DatabaseNotReachable") {
    return unreachable(host);
  }
  if (/Can't reach database server|ECONNREFUSED|ENOTFOUND/.test(message)) return unreachable(host);
  if (code === "ETIMEDOUT" || kind === "SocketTimeout") {
    return new KnownError("P1002", `The database server at \`${host}\` was reached but timed out.`, { database_host: host });
  }
  if (code === "28P01" || code === "28000" || kind === "AuthenticationFailed" || /password authentication failed/.test(message)) {
    return new KnownError(
      "P1000",
      `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
      { database_user: user, database_host: host },
    );
  }
  return error;
}

/** The native engine's JSON-RPC error `data` for any thrown value. */
export function toErrorData(error) {
  if (isWasmPanic(error)) {
    const reason = takePanicMessage() ?? String(error?.message ?? error);
    return { is_panic: true, message: reason, error_code: null, meta: {} };
  }
  const message = String(error?.message ?? error).replace(/\n\s+0: [\s\S]*$/, ""); // drop the Rust span trace
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    return { is_panic: false, message, error_code: error.code, meta: error.meta ?? {} };
  }
  return { is_panic: false, message, error_code: null, meta: {} };
}

/** A complete JSON-RPC error response. */
export function rpcError(id, error) {
  return {
    jsonrpc: "2.0",
    id,
    error: { code: 4466, message: "An error happened. Check the data field for details.", data: toErrorData(error) },
  };
}

/** A log line as the native engine writes it on stderr (the CLI reads `level` and `fields.message`). */
export function logLine(level, message, fields = {}) {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target: "schema_engine::logger" });
}
