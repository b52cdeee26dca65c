import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { randomToken, sha256Hex } from "@/lib/crypto/hash-token";
import { KEY_PREFIX_LENGTH, type CreateApiKeyInput } from "@/lib/api-keys/api-keys.schema";
import { assertPointsExist } from "@/lib/api-keys/update-api-key";

/**
 * Issues an API key. The whole key is returned this once and never stored: the database keeps its
 * sha-256 (what authenticateApiKey looks up) and a short prefix to recognise it by.
 */
export async function createApiKey({ input, actor, value, tx }: { input: CreateApiKeyInput; actor: Actor; value?: string; tx?: Tx }) {
  const key = value ?? randomToken("ick_");
  return inTransaction(tx, async (db) => {
    await assertPointsExist(db, input.pointIds);
    const scopes = [...new Set(input.scopes)];
    const created = await db.apiKey.create({
      data: {
        name: input.name,
        prefix: key.slice(0, KEY_PREFIX_LENGTH),
        hash: sha256Hex(key),
        scopes,
        rateLimitPerMinute: input.rateLimitPerMinute ?? null,
        createdById: actor.id ?? null,
        points: { create: [...new Set(input.pointIds)].map((pointId) => ({ pointId })) },
      },
      select: { id: true, prefix: true },
    });
    await recordAudit({
      actor,
      action: "apikey.create",
      entityType: "ApiKey",
      entityId: created.id,
      after: { name: input.name, prefix: created.prefix, scopes, pointIds: input.pointIds, rateLimitPerMinute: input.rateLimitPerMinute ?? null },
      tx: db,
    });
    return { id: created.id, prefix: created.prefix, key };
  });
}
