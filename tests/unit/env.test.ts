import { describe, expect, it } from "vitest";
import { startProblems, MIN_SECRET_LENGTH } from "@/lib/env";

const good = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
  NEXTAUTH_SECRET: "s".repeat(MIN_SECRET_LENGTH),
  SETTINGS_ENCRYPTION_KEY: "k".repeat(MIN_SECRET_LENGTH),
} as NodeJS.ProcessEnv;

describe("start-time environment check", () => {
  it("accepts a complete production environment", () => {
    expect(startProblems(good)).toEqual([]);
  });

  it("names each missing secret: none has a default", () => {
    const problems = startProblems({ ...good, NEXTAUTH_SECRET: undefined, SETTINGS_ENCRYPTION_KEY: "" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^NEXTAUTH_SECRET: is not set/);
    expect(problems[1]).toMatch(/^SETTINGS_ENCRYPTION_KEY: is not set/);
  });

  it("refuses a session secret shorter than 32 characters", () => {
    expect(startProblems({ ...good, NEXTAUTH_SECRET: "short" })).toEqual([`NEXTAUTH_SECRET: must be at least ${MIN_SECRET_LENGTH} characters`]);
  });

  it("names a malformed variable and a missing database", () => {
    const problems = startProblems({ ...good, PORT: "eighty", DATABASE_URL: undefined });
    expect(problems.some((p) => p.startsWith("PORT:"))).toBe(true);
    expect(problems).toContain("DATABASE_URL: is not set");
  });

  it("names a DEMO_SEED that is neither true nor false", () => {
    expect(startProblems({ ...good, DEMO_SEED: "maybe" }).some((p) => p.startsWith("DEMO_SEED:"))).toBe(true);
  });
});
