import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";
import { invalidateApiKeys } from "@/lib/auth/api-key-cache";

/** Revokes a key at once (the next request with it gets 401). Revoking twice keeps the first date. */
export async function revokeApiKey({ id, actor, tx }: { id: string; actor: Actor; tx?: Tx }) {
  // This process forgets the key once the change is committed; the others hear the trigger's NOTIFY.
  const result = await inTransaction(tx, async (db) => {
    const key = await db.apiKey.findUnique({ where: { id }, select: { revokedAt: true, name: true, prefix: true } });
    if (!key) throw new AppError("not_found", "API key not found", { fields: { form: "API key not found" } });
    if (key.revokedAt) return { revokedAt: key.revokedAt };
    const { revokedAt } = await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: { revokedAt: true } });
    await recordAudit({ actor, action: "apikey.revoke", entityType: "ApiKey", entityId: id, before: { revokedAt: null }, after: { revokedAt, name: key.name, prefix: key.prefix }, tx: db });
    return { revokedAt };
  });
  invalidateApiKeys();
  return result;
}
