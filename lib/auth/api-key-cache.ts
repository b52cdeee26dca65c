import { prisma } from "@/lib/db";
import { invalidatedCache } from "@/lib/cache/invalidated-cache";

export type CachedApiKey = {
  id: string;
  name: string;
  scopes: string[];
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  rateLimitPerMinute: number | null;
  pointIds: string[];
};

// Every till request presents its key: reading ApiKey and ApiKeyPoint each time cost two statements
// per request. Keys change only by an admin's hand; triggers NOTIFY every such change (revocation
// included), so a cached key is dropped within milliseconds on every server.
const cache = invalidatedCache<CachedApiKey>("api_keys", { shortTtlMs: 2000, longTtlMs: 60_000, maxEntries: 1000 });
const touched = new Map<string, number>();

/** The key stored under this sha-256, from the cache when it holds it; null when there is none. */
export function findApiKeyByHash(hash: string): Promise<CachedApiKey | null> {
  return cache.get(hash, async () => {
    const key = await prisma.apiKey.findUnique({
      where: { hash },
      select: { id: true, name: true, scopes: true, revokedAt: true, lastUsedAt: true, rateLimitPerMinute: true, points: { select: { pointId: true } } },
    });
    if (!key) return null;
    const { points, ...rest } = key;
    return { ...rest, pointIds: points.map((p) => p.pointId) };
  });
}

/**
 * Whether this process should record a use of the key now: at most once per `everyMs` per key,
 * remembered here because the cached row's lastUsedAt does not move when we write it.
 */
export function shouldTouchApiKey(key: CachedApiKey, everyMs: number): boolean {
  const now = Date.now();
  const last = Math.max(touched.get(key.id) ?? 0, key.lastUsedAt?.getTime() ?? 0);
  if (now - last <= everyMs) return false;
  if (touched.size >= 1000) touched.clear();
  touched.set(key.id, now);
  return true;
}

/** Drops the cached keys in this process at once (other processes hear the trigger's NOTIFY). */
export function invalidateApiKeys(): void {
  cache.clear();
}
