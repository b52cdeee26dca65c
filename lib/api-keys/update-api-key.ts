import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";
import { invalidateApiKeys } from "@/lib/auth/api-key-cache";
import type { UpdateApiKeyInput } from "@/lib/api-keys/api-keys.schema";

export async function assertPointsExist(db: Tx, pointIds: string[]) {
  if (pointIds.length === 0) return;
  const found = await db.loyaltyPoint.count({ where: { id: { in: pointIds } } });
  if (found !== new Set(pointIds).size) throw new AppError("validation", "Unknown point", { fields: { pointIds: "Unknown point" }, fieldMessages: { pointIds: { key: "unknownPoint" } } });
}

/** Renames a key or changes the points it may act for (none = every point). Its value and scopes stay. */
export async function updateApiKey({ input, actor, tx }: { input: UpdateApiKeyInput; actor: Actor; tx?: Tx }) {
  // This process forgets the key once the change is committed; the others hear the trigger's NOTIFY.
  const result = await inTransaction(tx, async (db) => {
    const before = await db.apiKey.findUnique({ where: { id: input.id }, select: { name: true, rateLimitPerMinute: true, points: { select: { pointId: true } } } });
    if (!before) throw new AppError("not_found", "API key not found", { fields: { form: "API key not found" } });
    await assertPointsExist(db, input.pointIds);
    const pointIds = [...new Set(input.pointIds)];
    await db.apiKeyPoint.deleteMany({ where: { apiKeyId: input.id } });
    await db.apiKey.update({
      where: { id: input.id },
      data: { name: input.name, rateLimitPerMinute: input.rateLimitPerMinute ?? null, points: { create: pointIds.map((pointId) => ({ pointId })) } },
    });
    await recordAudit({
      actor,
      action: "apikey.update",
      entityType: "ApiKey",
      entityId: input.id,
      before: { name: before.name, pointIds: before.points.map((p) => p.pointId), rateLimitPerMinute: before.rateLimitPerMinute },
      after: { name: input.name, pointIds, rateLimitPerMinute: input.rateLimitPerMinute ?? null },
      tx: db,
    });
  });
  invalidateApiKeys();
  return result;
}
