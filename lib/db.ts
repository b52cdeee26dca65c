import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";
import { lazy } from "@/lib/util/lazy";

export type Tx = Prisma.TransactionClient;
export type Db = PrismaClient | Tx;

function create(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: env.DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

// One client per process, made on first use (a build imports this module with no database); kept on
// globalThis so Next's dev reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

let made: PrismaClient | undefined;

export const prisma: PrismaClient = lazy(() => {
  made = globalForPrisma.prisma ?? create();
  if (env.NODE_ENV !== "production") globalForPrisma.prisma = made;
  return made;
});

/** Closes the pool if this process ever opened one (a script that failed its checks never did). */
export async function disconnectDatabase(): Promise<void> {
  await made?.$disconnect();
}

/** Runs `fn` in the given transaction, or in a new one when there is none. */
export function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return fn(tx);
  return prisma.$transaction(fn, { timeout: 15000, maxWait: 10000 });
}

export { Prisma };
