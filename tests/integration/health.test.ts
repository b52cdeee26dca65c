import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { GET } from "@/app/api/health/route";
import { GET as live } from "@/app/api/health/live/route";
import pkg from "@/package.json";

describe("GET /api/health", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers ok with the version after reaching the database", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok", version: pkg.version });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database fails", async () => {
    vi.spyOn(prisma, "$queryRaw").mockRejectedValueOnce(new Error("connection refused"));
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "error", database: "unreachable" });
  });
});

describe("GET /api/health/live", () => {
  it("answers ok without touching the database", async () => {
    const spy = vi.spyOn(prisma, "$queryRaw");
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("GET /api/internal/process-stats", () => {
  const TOKEN = "a-test-token-of-32-characters-xx";
  // The environment is read when the route first answers, not at import: the stub stays until the test ends.
  afterEach(() => vi.unstubAllEnvs());
  const load = async (token: string | undefined) => {
    vi.resetModules();
    vi.stubEnv("INTERNAL_STATS_TOKEN", token ?? "");
    return (await import("@/app/api/internal/process-stats/route")).GET;
  };
  const call = (handler: (req: Request) => Response, token?: string) =>
    handler(new Request("http://localhost/api/internal/process-stats", { headers: token ? { "x-internal-token": token } : {} }));

  it("does not exist (404) unless INTERNAL_STATS_TOKEN is set, whatever the caller sends", async () => {
    const closed = await load(undefined);
    expect(call(closed).status).toBe(404);
    expect(call(closed, TOKEN).status).toBe(404);
  });

  it("answers the CPU time and memory only to a caller with the token", async () => {
    const open = await load(TOKEN);
    expect(call(open).status).toBe(404);
    expect(call(open, `${TOKEN}x`).status).toBe(404);
    expect(call(open, TOKEN.replace("a", "b")).status).toBe(404);
    const res = call(open, TOKEN);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.cpuUserMicros).toBeGreaterThan(0);
    expect(body.rssBytes).toBeGreaterThan(0);
  });
});
