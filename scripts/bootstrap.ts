// Run by `npm start` (through prepareDatabase) after migrations: what every start must make true,
// demo data or not, and what it must refuse.
import { prisma } from "@/lib/db";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";
import { ensureAdminFromEnv } from "@/lib/users/ensure-admin";
import { startupProblems } from "@/lib/startup/startup-problems";

async function main(): Promise<number> {
  const problems = await startupProblems();
  if (problems.length) {
    console.error(`[imshop-connect] cannot start:\n  ${problems.join("\n  ")}`);
    return 1;
  }
  await ensureImshopSettings(prisma);
  const admin = await ensureAdminFromEnv();
  if (admin === "created") console.log("[imshop-connect] first admin created from ADMIN_EMAIL");
  const admins = await prisma.user.count({ where: { role: "admin", disabled: false } });
  if (admins === 0) {
    console.log("[imshop-connect] no active admin: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run portal -- user create --role admin`");
  }
  return 0;
}

main()
  .then(async (code) => {
    await prisma.$disconnect();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await prisma.$disconnect();
    process.exit(1);
  });
