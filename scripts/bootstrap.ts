// Run by `npm start` (through prepareDatabase) after migrations: what every start must make true,
// demo data or not.
import { prisma } from "@/lib/db";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";
import { ensureAdminFromEnv } from "@/lib/users/ensure-admin";

async function main() {
  await ensureImshopSettings(prisma);
  const admin = await ensureAdminFromEnv();
  if (admin) console.log(`[imshop-connect] first admin from ADMIN_EMAIL: ${admin}`);
  const admins = await prisma.user.count({ where: { role: "admin", disabled: false } });
  if (admins === 0) {
    console.log("[imshop-connect] no active admin: set ADMIN_EMAIL and ADMIN_PASSWORD (or DEMO_SEED=true on an empty database)");
  }
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await prisma.$disconnect();
    process.exit(1);
  });
