import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { GET } from "@/app/api/health/route";
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
