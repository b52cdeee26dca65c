import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import pkg from "@/package.json";

const version = pkg.version;

export const dynamic = "force-dynamic";

// A load balancer should hear "down" rather than wait forever on a database that does not answer;
// generous enough that a cold start or a busy pool is not reported as an outage.
const DB_TIMEOUT_MS = 5000;

/** Liveness and database reachability, for load balancers and the start scripts. */
export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database did not answer in ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS);
      }),
    ]);
    return NextResponse.json({ status: "ok", database: "ok", version }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return NextResponse.json(
      { status: "error", database: "unreachable", version },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  } finally {
    clearTimeout(timer);
  }
}
