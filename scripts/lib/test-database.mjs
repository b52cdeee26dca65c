// A throwaway database on the configured PostgreSQL server, for one test run.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** A URL for a new database named `<prefix>_<random>` on the same server as `serverUrl`. */
export function throwawayDatabaseUrl(prefix, serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL) {
  const url = new URL(serverUrl);
  url.pathname = `/${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
