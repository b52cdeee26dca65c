import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";

/** The client fields that identify a person; all of them go on erasure. */
export const PERSONAL_FIELDS = ["name", "photo", "birthday", "phone", "email", "cardNumber", "appCode", "imshopUserId"] as const;

/**
 * Erases a loyalty client's personal data on their request (152-FZ art. 21, GDPR art. 17). The client row,
 * its ledger, balance and operations stay (accounting must still add up); every identifying field is
 * cleared, and the same fields are cut out of the earlier audit snapshots of this client, so the audit
 * log keeps who changed what and when, but not the person. The erasure itself is audited, without them.
 */
export async function eraseClient({ actor, clientId, tx }: { actor: Actor; clientId: string; tx?: Tx }): Promise<{ id: string; erasedAt: Date }> {
  return inTransaction(tx, async (db) => {
    const client = await db.loyaltyClient.findUnique({ where: { id: clientId }, select: { id: true, erasedAt: true } });
    if (!client) throw new LoyaltyRuleError("clientNotFound");
    const erasedAt = client.erasedAt ?? new Date();
    await db.loyaltyClient.update({
      where: { id: clientId },
      data: { name: null, photo: null, birthday: null, phone: null, email: null, cardNumber: null, appCode: null, imshopUserId: null, erasedAt },
    });
    const fields = [...PERSONAL_FIELDS];
    await db.$executeRaw`
      UPDATE "AuditLog" SET
        before = CASE WHEN jsonb_typeof(before) = 'object' THEN before - ${fields}::text[] ELSE before END,
        after = CASE WHEN jsonb_typeof(after) = 'object' THEN after - ${fields}::text[] ELSE after END
      WHERE "entityType" = 'LoyaltyClient' AND "entityId" = ${clientId}`;
    await recordAudit({ actor, action: "loyalty.client.erase", entityType: "LoyaltyClient", entityId: clientId, after: { erasedAt }, tx: db });
    return { id: clientId, erasedAt };
  });
}
