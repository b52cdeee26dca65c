import { listeningSince, onCacheChange, type CacheTopic } from "@/lib/cache/change-listener";

export type InvalidatedCache<V> = {
  /** The cached value for `key`, or `load()`'s; a null answer (nothing found) is never cached. */
  get(key: string, load: () => Promise<V | null>): Promise<V | null>;
  /** Drops everything in this process (a change made here is dropped at once, before the NOTIFY). */
  clear(): void;
};

/**
 * A small in-process cache of rows that change rarely and are read on every request. An entry lives
 * `longTtlMs` while the change listener is connected (a change anywhere drops it within
 * milliseconds; the TTL only bounds the damage of a bug), `shortTtlMs` otherwise.
 */
export function invalidatedCache<V>(topic: CacheTopic, opts: { shortTtlMs: number; longTtlMs: number; maxEntries: number }): InvalidatedCache<V> {
  const entries = new Map<string, { at: number; value: V }>();
  // A load that began before a change must not store what it read: the generation tells.
  let generation = 0;
  const clear = () => {
    generation++;
    entries.clear();
  };
  onCacheChange(topic, clear);
  return {
    clear,
    async get(key, load) {
      const now = Date.now();
      const since = listeningSince();
      const hit = entries.get(key);
      if (hit) {
        const ttl = since > 0 && hit.at >= since ? opts.longTtlMs : opts.shortTtlMs;
        if (now - hit.at < ttl) return hit.value;
        entries.delete(key);
      }
      const startedGeneration = generation;
      const value = await load();
      if (value !== null && generation === startedGeneration) {
        // Unknown keys are never stored, so the map holds only real rows; past the cap, forget the oldest.
        if (entries.size >= opts.maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, { at: now, value });
      }
      return value;
    },
  };
}
