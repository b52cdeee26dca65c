import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";

export type Tx = Prisma.TransactionClient;
export type Db = PrismaClient | Tx;

function create(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: env.DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

// One client per process; kept on globalThis so Next's dev reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? create();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

/** Runs `fn` in the given transaction, or in a new one when there is none. */
export function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return fn(tx);
  return prisma.$transaction(fn, { timeout: 15000, maxWait: 10000 });
}

export { Prisma };
