import { inTransaction, type Tx } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { recordAudit } from "@/lib/audit/record-audit";
import { DEMO_TILL_KEY, DEMO_USERS, DEMO_WEBHOOK_KEY } from "@/lib/demo/demo-credentials";
import { findDemoCredentials, type DemoCredential } from "@/lib/demo/find-demo-credentials";

const ACTOR = { id: null, label: "system:demo remove" };

/**
 * Removes the demo's public ways in: the demo users (their audit entries keep the actor's label), the
 * demo till key (revoked, so its history stays readable) and the demo webhook key (the webhooks answer
 * 401 until an admin rotates a real key in). The demo's clients, scans and orders are left as data.
 */
export async function removeDemoCredentials({ tx }: { tx?: Tx } = {}): Promise<{ kind: DemoCredential; name: string }[]> {
  return inTransaction(tx, async (db) => {
    const found = await findDemoCredentials({ db });
    if (found.length === 0) return found;
    const emails = DEMO_USERS.map((u) => u.email);
    await db.user.deleteMany({ where: { email: { in: emails } } });
    await db.apiKey.updateMany({ where: { hash: sha256Hex(DEMO_TILL_KEY), revokedAt: null }, data: { revokedAt: new Date() } });
    const webhookHash = sha256Hex(DEMO_WEBHOOK_KEY);
    await db.imshopSettings.updateMany({ where: { inboundKeyHash: webhookHash }, data: { inboundKeyHash: null, inboundKeyHint: null } });
    await db.imshopSettings.updateMany({
      where: { inboundKeyPreviousHash: webhookHash },
      data: { inboundKeyPreviousHash: null, inboundKeyPreviousUntil: null },
    });
    await recordAudit({ actor: ACTOR, action: "demo.remove", entityType: "system", entityId: "demo", after: { removed: found }, tx: db });
    return found;
  });
}
