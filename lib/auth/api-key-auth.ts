import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { enforceApiKeyRateLimit } from "@/lib/auth/api-key-rate-limit";
import { findApiKeyByHash, shouldTouchApiKey } from "@/lib/auth/api-key-cache";

export type ApiKeyScope = "loyalty" | "orders" | "offers" | "imports";
export type ApiCaller = { apiKeyId: string; name: string; pointIds: string[] | null };

const TOUCH_EVERY_MS = 60_000;

/**
 * Finds the active API key presented in `header` (by its sha-256, stored unique) and checks its scope.
 * `pointIds` is null when the key may act for every point.
 */
export async function authenticateApiKey(
  req: Request,
  opts: { scope: ApiKeyScope; header?: string; onFail?: () => AppError },
): Promise<ApiCaller> {
  const fail = opts.onFail ?? (() => new AppError("unauthorized", "Invalid API key.", { fields: { apikey: "Invalid API key." } }));
  const presented = readKey(req, opts.header ?? "apikey");
  if (!presented) throw fail();
  const key = await findApiKeyByHash(sha256Hex(presented));
  if (!key || key.revokedAt || !key.scopes.includes(opts.scope)) throw fail();
  await enforceApiKeyRateLimit({ apiKeyId: key.id, limit: key.rateLimitPerMinute });
  // Recording every use would turn each till read into a write; once a minute is enough to show "last used".
  if (shouldTouchApiKey(key, TOUCH_EVERY_MS)) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  return { apiKeyId: key.id, name: key.name, pointIds: key.pointIds.length ? key.pointIds : null };
}

function readKey(req: Request, header: string): string | null {
  const direct = req.headers.get(header)?.trim();
  if (direct) return direct;
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  return bearer || null;
}
