import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import pkg from "@/package.json";
import { callRoute } from "../helpers/call-route";

// Through callRoute, so each answer is also checked against the OpenAPI document.
const get = async (handler: typeof ready | typeof live) => {
  const res = await callRoute(handler as never, { method: "GET" });
  return { status: res.status, json: async () => res.json };
};

describe("GET /api/health/live", () => {
  it("answers ok without touching the database", async () => {
    const spy = vi.spyOn(prisma, "$queryRaw");
    const res = await get(live);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version: pkg.version });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("GET /api/health/ready", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers 200 when the database answers, every migration is applied and the job queue exists", async () => {
    const res = await get(ready);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", checks: { database: "ok", migrations: "ok", jobQueue: "ok" }, failing: [] });
  });

  it("answers 503 naming a migration that is not applied", async () => {
    const [last] = await prisma.$queryRaw<{ id: string; name: string }[]>`
      SELECT id, migration_name AS name FROM _prisma_migrations ORDER BY started_at DESC LIMIT 1`;
    await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = ${last.id}`;
    try {
      const res = await get(ready);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.failing).toEqual(["migrations"]);
      expect(body.checks.migrations).toContain(last.name);
    } finally {
      await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = ${last.id}`;
    }
  });

  it("answers 503 naming the job queue when graphile_worker's schema is missing", async () => {
    await prisma.$executeRawUnsafe(`ALTER SCHEMA graphile_worker RENAME TO graphile_worker_hidden`);
    try {
      const res = await get(ready);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.failing).toEqual(["jobQueue"]);
      expect(body.checks.jobQueue).toMatch(/graphile_worker schema missing/);
    } finally {
      await prisma.$executeRawUnsafe(`ALTER SCHEMA graphile_worker_hidden RENAME TO graphile_worker`);
    }
  });

  it("answers 503 naming the database when it does not answer", async () => {
    vi.spyOn(prisma, "$queryRaw").mockRejectedValue(new Error("connection refused"));
    const res = await get(ready);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.failing).toEqual(["database", "migrations", "jobQueue"]);
    expect(body.checks.database).toBe("unreachable: connection refused");
  });
});
