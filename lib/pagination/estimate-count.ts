import { prisma, Prisma, type Db } from "@/lib/db";

/** How many rows a list matches: exact, or PostgreSQL's estimate when counting them would be slow. */
export type RowCount = { count: number; estimated: boolean };

/** Counts up to this many rows exactly; past it the figure is the planner's estimate. */
export const EXACT_COUNT_CAP = 10_000;

/**
 * The planner's row estimate for a query (EXPLAIN reads the table's statistics: reltuples and the
 * column histograms, never the rows), so "of ~N" costs the same at 1M rows as at 1,000.
 */
export async function plannerRows(query: Prisma.Sql, db: Db = prisma): Promise<number> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[]>`EXPLAIN (FORMAT JSON) ${query}`;
  return Math.round(row["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}

/**
 * `capped` is an exact count stopped at EXACT_COUNT_CAP + 1 rows. At or under the cap it is the answer;
 * over it the planner's estimate is (never below the cap, which is known to be exceeded).
 */
export async function countOrEstimate(capped: number, estimate: () => Promise<number>): Promise<RowCount> {
  if (capped <= EXACT_COUNT_CAP) return { count: capped, estimated: false };
  return { count: Math.max(await estimate(), EXACT_COUNT_CAP + 1), estimated: true };
}

/** A user's text as a LIKE pattern's literal part, for the SQL twins of Prisma's contains/startsWith. */
export const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
