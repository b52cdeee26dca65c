import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

const MINUTE_MS = 60_000;

/**
 * Counts one request for an API key that has a per-minute limit and refuses it past the limit with
 * 429 and Retry-After (the seconds left in this minute). One atomic upsert per request, and only for
 * keys an admin gave a limit: a leaked till key then cannot walk the customer base at full speed.
 */
export async function enforceApiKeyRateLimit({ apiKeyId, limit, now = new Date() }: { apiKeyId: string; limit: number | null; now?: Date }): Promise<void> {
  if (limit === null) return;
  const windowStart = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiKeyUsage" ("apiKeyId", "windowStart", count) VALUES (${apiKeyId}, ${windowStart}, 1)
    ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET count = "ApiKeyUsage".count + 1
    RETURNING count`;
  if (row.count <= limit) return;
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + MINUTE_MS - now.getTime()) / 1000));
  throw new AppError("rate_limited", `This API key is limited to ${limit} requests per minute`, {
    headers: { "Retry-After": String(retryAfter) },
  });
}

/** Drops counters of finished minutes (the worker's periodic purge). */
export async function purgeApiKeyUsage(now = new Date()): Promise<number> {
  const { count } = await prisma.apiKeyUsage.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 2 * MINUTE_MS) } } });
  return count;
}
