import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";
import { lazy } from "@/lib/util/lazy";

export type Tx = Prisma.TransactionClient;
export type Db = PrismaClient | Tx;

// The pool is made here rather than by the adapter so the metrics can read how many connections are busy.
function create(): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: env.DATABASE_POOL_SIZE });
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

// One client per process, made on first use (a build imports this module with no database); kept on
// globalThis so Next's dev reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaPool?: pg.Pool };

let made: { prisma: PrismaClient; pool: pg.Pool } | undefined;

function client(): { prisma: PrismaClient; pool: pg.Pool } {
  if (made) return made;
  made =
    globalForPrisma.prisma && globalForPrisma.prismaPool ? { prisma: globalForPrisma.prisma, pool: globalForPrisma.prismaPool } : create();
  if (env.NODE_ENV !== "production") Object.assign(globalForPrisma, { prisma: made.prisma, prismaPool: made.pool });
  return made;
}

export const prisma: PrismaClient = lazy(() => client().prisma);

/**
 * The Prisma adapter's own `pg` pool, for the bulk paths only (imports' batches and streaming exports, see
 * README "Data access"): one statement per batch of thousands of rows, where Prisma's per-query JavaScript
 * would be most of the cost. Same pool, so the connection limit and the metrics stay one.
 */
export function dbPool(): pg.Pool {
  return client().pool;
}

/** Closes the pool if this process ever opened one (a script that failed its checks never did). */
export async function disconnectDatabase(): Promise<void> {
  await made?.prisma.$disconnect();
}

/** Connections of this process's pool: busy, idle, and callers waiting for one. */
export function dbPoolStats(): { inUse: number; idle: number; waiting: number; max: number } {
  const { pool } = client();
  return { inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount, max: env.DATABASE_POOL_SIZE };
}

/** Runs `fn` in the given transaction, or in a new one when there is none. */
export function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return fn(tx);
  return prisma.$transaction(fn, { timeout: 15000, maxWait: 10000 });
}

export { Prisma };
