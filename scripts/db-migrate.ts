// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (creating the database if missing),
// recorded in Prisma's own `_prisma_migrations` table exactly as `prisma migrate deploy` records them,
// then installs the job-queue schema. No download: Prisma's schema engine runs as WebAssembly.
// Safe to run on every release and concurrently with nothing else migrating the same database.
import { prepareDatabase } from "./lib/prepare-database.mjs";

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return `${u.host}${u.pathname}`;
  } catch {
    return "<invalid DATABASE_URL>";
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    console.error("db:migrate: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/imshop_connect).");
    process.exit(2);
  }
  const started = Date.now();
  console.log(`db:migrate: ${redact(databaseUrl)}`);
  await prepareDatabase({
    databaseUrl,
    seed: false,
    bootstrap: false,
    log: (message: string) => console.log(`  ${message}`),
  });
  console.log(`db:migrate: done in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  const e = error as { code?: string; message?: string };
  console.error(`db:migrate failed${e?.code ? ` (${e.code})` : ""}:\n${e?.message ?? String(error)}`);
  process.exit(1);
});
