// The offline Prisma workflow: migrations applied through the WebAssembly schema engine match the
// schema and are recorded like the native engine records them; the ordinary CLI, run through
// scripts/prisma.mjs with the schema-engine stand-in, authors, deploys and reports migrations.
// Every database here is created for this run (random suffix) and dropped at the end.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  createDatabase,
  diffDatabaseToSchema,
  dropDatabase,
  migrationStatus,
} from "../../scripts/prisma-engine/migrate.mjs";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const wrapper = path.join(root, "scripts/prisma.mjs");
const migrationsDir = path.join(root, "prisma/migrations");
const serverUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const created: string[] = [];

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/prisma_offline_${name}_${suffix}`;
  created.push(url.toString());
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const shadowDatabases = (): Promise<string[]> =>
  query<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'").then(
    (rows) => rows.map((r) => r.datname),
  );

/** Runs the Prisma CLI through the project wrapper, offline (never the native engine). */
async function prisma(args: string[], opts: { cwd?: string; databaseUrl?: string; env?: Record<string, string> } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env, DATABASE_URL: opts.databaseUrl ?? "" };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  delete env.PRISMA_MIGRATION_ENGINE_BINARY;
  delete env.PRISMA_ENGINE;
  if (!opts.databaseUrl) delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [wrapper, ...args], {
      cwd: opts.cwd ?? root,
      env,
      timeout: 120_000,
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

async function migrationFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

let shadowsBefore: string[] = [];
let workDir = "";

beforeAll(async () => {
  shadowsBefore = await shadowDatabases();
});

afterAll(async () => {
  for (const url of created) await dropDatabase(url).catch(() => {});
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// Each test starts the Prisma CLI once or twice (about 3 s each on an idle machine): allow for a busy one.
describe("offline Prisma migrations", { timeout: 180_000 }, () => {
  it("applies every migration to an empty database with no drift, recorded like the native engine", async () => {
    const url = databaseUrl("apply");
    const folders = await migrationFolders(migrationsDir);
    expect(folders.length).toBeGreaterThan(0);

    expect(await applyMigrations({ databaseUrl: url })).toEqual(folders);
    expect(await applyMigrations({ databaseUrl: url })).toEqual([]); // idempotent

    const rows = await query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
      url,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished).toBe(true);
      expect(row.rolled_back).toBe(false);
    }

    // No drift between the migrated database and prisma/schema.prisma, by the engine and by the CLI.
    expect(await diffDatabaseToSchema({ databaseUrl: url })).toBe("");
    const diff = await prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { databaseUrl: url },
    );
    expect(diff.stdout + diff.stderr).toContain("No difference detected");
    expect(diff.code).toBe(0);
  });

  it("deploys with the CLI, then `migrate status` reports the database up to date", async () => {
    const url = databaseUrl("deploy");
    const deploy = await prisma(["migrate", "deploy"], { databaseUrl: url });
    expect(deploy.code, deploy.stderr).toBe(0);
    expect(deploy.stdout).toMatch(/successfully applied|No pending migrations/);

    const status = await prisma(["migrate", "status"], { databaseUrl: url });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date!");
    expect((await migrationStatus({ databaseUrl: url })).history).toBeNull();
  });

  it("the migrations directory replayed in a shadow database matches the schema", async () => {
    const url = databaseUrl("diff");
    const diff = await prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--script", "--exit-code"],
      { databaseUrl: url, env: { SHADOW_DATABASE_URL: databaseUrl("diff_shadow") } },
    );
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain("-- This is an empty migration.");
  });

  it("authors the next migration from a schema change (`migrate dev --create-only`)", async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), "prisma-offline-"));
    await cp(path.join(root, "prisma/schema.prisma"), path.join(workDir, "prisma/schema.prisma"));
    await cp(migrationsDir, path.join(workDir, "prisma/migrations"), { recursive: true });
    await cp(path.join(root, "prisma.config.ts"), path.join(workDir, "prisma.config.ts"));
    await symlink(path.join(root, "node_modules"), path.join(workDir, "node_modules"), "dir");

    const schemaPath = path.join(workDir, "prisma/schema.prisma");
    const schema = await readFile(schemaPath, "utf8");
    const model = /^model (\w+) \{$/m.exec(schema);
    expect(model).not.toBeNull();
    await writeFile(schemaPath, schema.replace(model![0], `${model![0]}\n  offlineTestNote String?`));

    const before = await migrationFolders(path.join(workDir, "prisma/migrations"));
    const url = databaseUrl("author"); // does not exist yet: the CLI creates it
    const dev = await prisma(["migrate", "dev", "--create-only", "--name", "offline_test_note"], { cwd: workDir, databaseUrl: url });
    expect(dev.code, dev.stdout + dev.stderr).toBe(0);

    const after = await migrationFolders(path.join(workDir, "prisma/migrations"));
    const added = after.filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_offline_test_note$/);
    const sql = await readFile(path.join(workDir, "prisma/migrations", added[0], "migration.sql"), "utf8");
    expect(sql).toMatch(new RegExp(`ALTER TABLE "${model![1]}" ADD COLUMN\\s+"offlineTestNote" TEXT;`));
    expect(await readFile(path.join(workDir, "prisma/migrations/migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );

    // --create-only applied the existing history but not the new migration.
    const applied = await query<{ migration_name: string }>(url, "SELECT migration_name FROM _prisma_migrations");
    expect(applied.map((r) => r.migration_name).sort()).toEqual(before);
  });

  // The describer reads Postgres' one-byte "char" catalog columns (contype, confdeltype, …) and wants
  // some of them as a char: typed as text, a CHECK constraint made it panic at postgres.rs
  // ("Getting constraint_type … as char failed").
  it('describes a database with CHECK constraints, identity columns and referential actions ("char" catalog columns)', async () => {
    const url = databaseUrl("describe");
    await createDatabase(url);
    await query(
      url,
      `CREATE TABLE "OfflineParent" (id INTEGER GENERATED ALWAYS AS IDENTITY, CONSTRAINT "OfflineParent_pkey" PRIMARY KEY (id));
       CREATE TABLE "OfflineItem" (
         id INTEGER GENERATED BY DEFAULT AS IDENTITY,
         qty INTEGER NOT NULL,
         "parentId" INTEGER,
         CONSTRAINT "OfflineItem_pkey" PRIMARY KEY (id),
         CONSTRAINT "OfflineItem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OfflineParent"(id) ON DELETE CASCADE ON UPDATE SET NULL,
         CONSTRAINT qty_positive CHECK (qty > 0)
       )`,
    );
    const schema = (itemExtra = "") => `datasource db {
  provider = "postgresql"
}

model OfflineParent {
  id    Int           @id @default(autoincrement())
  items OfflineItem[]
}

model OfflineItem {
  id       Int            @id @default(autoincrement())
  qty      Int
  parentId Int?
  parent   OfflineParent? @relation(fields: [parentId], references: [id], onDelete: Cascade, onUpdate: SetNull)${itemExtra}
}
`;
    const dir = await mkdtemp(path.join(os.tmpdir(), "prisma-offline-describe-"));
    try {
      const matching = path.join(dir, "matching.prisma");
      const withNote = path.join(dir, "with-note.prisma");
      await writeFile(matching, schema());
      await writeFile(withNote, schema("\n  note     String?"));

      expect(await diffDatabaseToSchema({ databaseUrl: url, schemaPath: matching })).toBe("");
      expect(await diffDatabaseToSchema({ databaseUrl: url, schemaPath: withNote })).toMatch(
        /ALTER TABLE "OfflineItem" ADD COLUMN\s+"note" TEXT;/,
      );

      const diff = await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", matching, "--exit-code"], {
        databaseUrl: url,
      });
      expect(diff.stdout + diff.stderr).toContain("No difference detected");
      expect(diff.code).toBe(0);

      // Introspection reads the constraint type and the foreign key's actions from those columns.
      const pull = await prisma(["db", "pull", "--print"], { databaseUrl: url });
      expect(pull.code, pull.stderr).toBe(0);
      expect(pull.stdout).toMatch(/onDelete: Cascade, onUpdate: SetNull/);
      expect(pull.stdout).toMatch(/contains check constraints[^\n]*\nmodel OfflineItem \{/);
      expect(pull.stdout + pull.stderr).toContain('constraint: "qty_positive"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("leaves no shadow database behind", async () => {
    expect((await shadowDatabases()).filter((d) => !shadowsBefore.includes(d))).toEqual([]);
  });
});
