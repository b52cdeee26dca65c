// A fingerprint of every table (row count + an order-free sum of row hashes), so a test can prove a
// refused request changed nothing at all: no row added, removed or edited, no job queued.
import { prisma } from "@/lib/db";

// Touched on purpose by requests that are refused later (a key's "last used" stamp), so left out.
const IGNORED_COLUMNS: Record<string, string[]> = { ApiKey: ["lastUsedAt"] };

let query: string | null = null;

async function buildQuery(): Promise<string> {
  const columns = await prisma.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS "table", column_name AS "column"
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, ordinal_position`;
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if (IGNORED_COLUMNS[table]?.includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const parts = [...byTable].map(
    ([table, cols]) =>
      `SELECT '${table}' AS t, count(*)::bigint AS n, coalesce(sum(hashtextextended(row(${cols.map((c) => `x.${q(c)}`).join(", ")})::text, 0)), 0)::text AS h FROM ${q(table)} x`,
  );
  // The job queue too: a refused status change must not have queued a push.
  parts.push(`SELECT 'graphile_worker.jobs' AS t, count(*)::bigint AS n, coalesce(sum(id), 0)::text AS h FROM graphile_worker.jobs`);
  return parts.join("\nUNION ALL\n");
}

export type Fingerprint = Record<string, string>;

export async function fingerprint(): Promise<Fingerprint> {
  query ??= await buildQuery();
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: bigint; h: string }[]>(query);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose fingerprint differs, for a readable failure message. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
