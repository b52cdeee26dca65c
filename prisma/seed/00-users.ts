import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/passwords";
import { ensureAdminFromEnv } from "@/lib/users/ensure-admin";
// The demo accounts the README and the e2e tests sign in with.
import { DEMO_USERS } from "@/lib/demo/demo-credentials";


export async function seed(prisma: PrismaClient) {
  // Only into an empty table: a real installation's accounts are never touched by the demo data.
  if ((await prisma.user.count()) === 0) {
    for (const u of DEMO_USERS) {
      await prisma.user.create({
        data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) },
      });
    }
  }
  await ensureAdminFromEnv();
}
