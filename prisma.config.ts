// Prisma 7 configuration. Prisma 7 does not read .env files: DATABASE_URL (and, optionally,
// SHADOW_DATABASE_URL) come from the environment only.
// Run the CLI through `node scripts/prisma.mjs …` (npm run prisma -- …): it works with no download.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL?.trim();
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL?.trim();

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  // No DATABASE_URL (e.g. `npm ci` running `prisma generate`): no datasource at all, so `generate`
  // works and commands that need a database stop with Prisma's own "datasource.url is required".
  datasource: url ? { url, ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}) } : undefined,
});
