import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";

/**
 * Demo data, in order: every file in prisma/seed/ (named NN-<area>.ts) exports `seed(prisma)`.
 * Each part must be safe to run twice (upsert, or skip when its data exists).
 */
async function main() {
  // The demo's users and keys are public: never add them to an installation that already has data.
  if ((await prisma.user.count()) > 0) {
    console.error("db:seed: this database already has users; the demo seed only goes into an empty database");
    process.exitCode = 1;
    return;
  }
  const dir = path.join(__dirname, "seed");
  const files = (await readdir(dir)).filter((f) => /^\d\d-.+\.ts$/.test(f)).sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { seed: (db: typeof prisma) => Promise<void> };
    const started = Date.now();
    await mod.seed(prisma);
    logger.info({ part: file, ms: Date.now() - started }, "seeded");
  }
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await prisma.$disconnect();
    process.exit(1);
  });
