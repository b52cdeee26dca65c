import { invalidatedCache } from "@/lib/cache/invalidated-cache";
import type { ImshopSettings } from "@/lib/generated/prisma/client";

// Every webhook reads the one settings row (inbound key, allowed addresses). A trigger NOTIFYs every
// change to it, so while the listener is connected the row is kept for a minute instead of 5 s.
const cache = invalidatedCache<ImshopSettings>("imshop_settings", { shortTtlMs: 5000, longTtlMs: 60_000, maxEntries: 1 });

export function cachedImshopSettings(load: () => Promise<ImshopSettings>): Promise<ImshopSettings> {
  return cache.get("settings", load) as Promise<ImshopSettings>;
}

export function clearImshopSettingsCache(): void {
  cache.clear();
}
