import { prisma, type Db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { DEMO_TILL_KEY, DEMO_USERS, DEMO_WEBHOOK_KEY } from "@/lib/demo/demo-credentials";

export type DemoCredential = "user" | "till-key" | "webhook-key";

/** The demo's public credentials still present in this database: each is a way in for anyone. */
export async function findDemoCredentials({ db = prisma }: { db?: Db } = {}): Promise<{ kind: DemoCredential; name: string }[]> {
  const webhookHash = sha256Hex(DEMO_WEBHOOK_KEY);
  const [users, tillKey, settings] = await Promise.all([
    db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true } }),
    db.apiKey.findFirst({ where: { hash: sha256Hex(DEMO_TILL_KEY), revokedAt: null }, select: { name: true } }),
    db.imshopSettings.findFirst({
      where: { OR: [{ inboundKeyHash: webhookHash }, { inboundKeyPreviousHash: webhookHash }] },
      select: { id: true },
    }),
  ]);
  return [
    ...users.map((u) => ({ kind: "user" as const, name: u.email })),
    ...(tillKey ? [{ kind: "till-key" as const, name: DEMO_TILL_KEY }] : []),
    ...(settings ? [{ kind: "webhook-key" as const, name: DEMO_WEBHOOK_KEY }] : []),
  ];
}
