import { readdir } from "node:fs/promises";
import path from "node:path";
import { prisma } from "@/lib/db";
import type { ReadinessCheck, ReadyAnswer } from "@/lib/health/health.schema";

// Generous enough that a cold start or a busy pool is not reported as an outage, short enough that a
// load balancer hears "not ready" instead of waiting on a database that does not answer.
const TIMEOUT_MS = 5000;

/** Migration folders shipped with this build; read once, they cannot change while the process runs. */
let shipped: Promise<string[]> | undefined;
function shippedMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): Promise<string[]> {
  return (shipped ??= readdir(dir, { withFileTypes: true }).then((entries) =>
    entries.filter((e) => e.isDirectory()).map((e) => e.name).sort(),
  )).catch((error) => {
    shipped = undefined;
    throw error;
  });
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300);

/**
 * Ready to take traffic: the database answers, every migration this build ships is applied, and the
 * job queue's schema (graphile_worker) exists so status changes can queue their pushes.
 */
export async function checkReadiness(): Promise<ReadyAnswer> {
  const checks: ReadyAnswer["checks"] = { database: "ok", migrations: "ok", jobQueue: "ok" };
  try {
    await withTimeout(prisma.$queryRaw`SELECT 1`, "database");
  } catch (error) {
    checks.database = `unreachable: ${describe(error)}`;
    checks.migrations = "not checked: database unreachable";
    checks.jobQueue = "not checked: database unreachable";
    return answer(checks);
  }
  const [migrations, jobQueue] = await Promise.all([checkMigrations(), checkJobQueue()]);
  checks.migrations = migrations;
  checks.jobQueue = jobQueue;
  return answer(checks);
}

async function checkMigrations(): Promise<string> {
  try {
    const [files, rows] = await Promise.all([
      shippedMigrations(),
      withTimeout(
        prisma.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        "database",
      ),
    ]);
    const applied = new Set(rows.map((r) => r.name));
    const missing = files.filter((f) => !applied.has(f));
    return missing.length === 0 ? "ok" : `not applied: ${missing.join(", ")} (run npm run db:migrate)`;
  } catch (error) {
    return `cannot check: ${describe(error)}`;
  }
}

async function checkJobQueue(): Promise<string> {
  try {
    const [row] = await withTimeout(
      prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS present`,
      "database",
    );
    return row?.present ? "ok" : "graphile_worker schema missing (start the worker once, or npm start)";
  } catch (error) {
    return `cannot check: ${describe(error)}`;
  }
}

function answer(checks: ReadyAnswer["checks"]): ReadyAnswer {
  const failing = (Object.keys(checks) as ReadinessCheck[]).filter((k) => checks[k] !== "ok");
  return { status: failing.length ? "error" : "ok", checks, failing };
}
