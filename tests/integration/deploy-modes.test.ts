import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { prepareDatabase } from "../../scripts/lib/prepare-database.mjs";
import { dropDatabase, throwawayDatabaseUrl } from "../../scripts/lib/test-database.mjs";

const root = path.resolve(__dirname, "../..");
const run = promisify(execFile);
const secret = (c: string) => c.repeat(40);

/**
 * Fresh copies of the app's modules reading the environment as stubbed now; lib/db keeps its client on
 * globalThis outside production (dev reloads), so that is set aside for the copy and restored after.
 */
async function withFreshModules<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const g = globalThis as { prisma?: unknown };
  const saved = g.prisma;
  g.prisma = undefined;
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  try {
    return await fn();
  } finally {
    const { disconnectDatabase } = await import("@/lib/db");
    await disconnectDatabase();
    vi.unstubAllEnvs();
    vi.resetModules();
    g.prisma = saved;
  }
}

/** Runs a node entry with exactly the given environment (plus PATH), answering its exit code and output. */
async function node(args: string[], env: Record<string, string | undefined>) {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

// The suite's own client, made before any test stubs the environment (env is read on first use).
beforeAll(() => prisma.$queryRaw`SELECT 1`);

const checkStart = (env: Record<string, string | undefined>) => node(["--import", "tsx", "scripts/check-start.ts", "--database"], env);

describe("a real deployment (DATABASE_URL set, NODE_ENV=production)", () => {
  const demoDb = throwawayDatabaseUrl("imshop_deploy");
  const base = () => ({ DATABASE_URL: demoDb, NODE_ENV: "production", NEXTAUTH_SECRET: secret("n"), SETTINGS_ENCRYPTION_KEY: secret("k") });

  beforeAll(async () => {
    // A database holding the demo, as a demo installation turned production would.
    await prepareDatabase({ databaseUrl: demoDb, seed: true, bootstrap: false });
  }, 180_000);
  afterAll(() => dropDatabase(demoDb));

  it("npm start refuses without NEXTAUTH_SECRET, naming it, before touching the database", async () => {
    const fresh = throwawayDatabaseUrl("imshop_never_made");
    const result = await node(["scripts/start.mjs"], { DATABASE_URL: fresh, NODE_ENV: "production", SETTINGS_ENCRYPTION_KEY: secret("k") });
    expect(result.code).not.toBe(0);
    expect(result.out).toContain("NEXTAUTH_SECRET: is not set");
    expect(result.out).not.toContain("SETTINGS_ENCRYPTION_KEY:");
    expect(result.out).not.toContain("migrations:");
  });

  it("names both secrets when both are missing, and a short one", async () => {
    const result = await checkStart({ DATABASE_URL: demoDb, NEXTAUTH_SECRET: "too-short" });
    expect(result.code).toBe(1);
    expect(result.out).toContain("NEXTAUTH_SECRET: must be at least 32 characters");
    expect(result.out).toContain("SETTINGS_ENCRYPTION_KEY: is not set");
  });

  it("refuses the demo's public credentials unless DEMO_SEED=true, and starts once they are removed", async () => {
    const refused = await checkStart(base());
    expect(refused.code).toBe(1);
    for (const expected of ["admin@example.com", "staff@example.com", "till-key", "webhook-key", "npm run portal -- demo remove"]) {
      expect(refused.out).toContain(expected);
    }
    expect((await checkStart({ ...base(), DEMO_SEED: "true" })).code).toBe(0);

    const removed = await node(["--import", "tsx", "scripts/portal.ts", "demo", "remove", "--json"], base());
    expect(removed.code).toBe(0);
    const kinds = (JSON.parse(removed.out) as { removed: { kind: string }[] }).removed.map((r) => r.kind).sort();
    expect(kinds).toEqual(["till-key", "user", "user", "webhook-key"]);
    const listed = await node(["--import", "tsx", "scripts/portal.ts", "demo", "list", "--json"], base());
    expect(JSON.parse(listed.out)).toEqual({ found: [] });
    expect((await checkStart(base())).code).toBe(0);
  });
});

describe("secrets rotate", () => {
  it("re-seals stored secrets under the new key while the old one still reads, then the old key can go", async () => {
    const keyA = secret("a");
    const keyB = secret("b");
    const sealWith = (keys: Record<string, string>, fn: (m: typeof import("@/lib/crypto/secret-box") & typeof import("@/lib/crypto/rotate-secrets")) => Promise<void>) =>
      withFreshModules({ SETTINGS_ENCRYPTION_OLD_KEYS: "", ...keys }, async () => {
        await fn({ ...(await import("@/lib/crypto/secret-box")), ...(await import("@/lib/crypto/rotate-secrets")) });
      });
    await prisma.imshopSettings.upsert({ where: { id: 1 }, update: {}, create: { id: 1 } });
    await sealWith({ SETTINGS_ENCRYPTION_KEY: keyA }, async (a) => {
      await prisma.imshopSettings.update({ where: { id: 1 }, data: { outboundKeyEncrypted: a.encryptSecret("outbound-1") } });
    });
    await sealWith({ SETTINGS_ENCRYPTION_KEY: keyB }, async (b) => {
      const row = await prisma.imshopSettings.findUniqueOrThrow({ where: { id: 1 } });
      expect(() => b.decryptSecret(row.outboundKeyEncrypted!)).toThrow(/SETTINGS_ENCRYPTION_OLD_KEYS/);
    });
    await sealWith({ SETTINGS_ENCRYPTION_KEY: keyB, SETTINGS_ENCRYPTION_OLD_KEYS: keyA }, async (b) => {
      expect(await b.rotateSecrets()).toEqual({ resealed: 1, current: 0 });
      expect(await b.rotateSecrets()).toEqual({ resealed: 0, current: 1 });
    });
    await sealWith({ SETTINGS_ENCRYPTION_KEY: keyB }, async (onlyB) => {
      const row = await prisma.imshopSettings.findUniqueOrThrow({ where: { id: 1 } });
      expect(onlyB.decryptSecret(row.outboundKeyEncrypted!)).toBe("outbound-1");
    });
  });
});
