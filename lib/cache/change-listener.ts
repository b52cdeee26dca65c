import pg from "pg";
import { databaseUrl, env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * One LISTEN connection per process on CACHE_CHANNEL. Triggers on the cached tables (migration
 * `order_search_trigram_and_cache_notify`) NOTIFY it on every change that matters, on commit, whoever made it: a use
 * case, another server, an ops script or psql. Caches subscribe per topic and drop what they hold.
 *
 * A cache may keep an entry for long only while `listeningSince()` is non-zero and the entry was read after
 * the connection was (re)established: a notification sent while nobody listened is lost, so every
 * subscriber is told to drop everything when the connection goes and when it comes back.
 */
export const CACHE_CHANNEL = "imshop_cache_changed";
export type CacheTopic = "api_keys" | "imshop_settings" | "loyalty_points";

const RETRY_MS = 2000;
const subscribers = new Map<CacheTopic, Set<() => void>>();
// The connection being opened or open; `client` is set once it listens.
let current: pg.Client | null = null;
let client: pg.Client | null = null;
let connectedAt = 0;
let retryTimer: NodeJS.Timeout | null = null;
let enabled: boolean | null = null;

/** Calls `drop` whenever `topic` may have changed (or when changes may have been missed). */
export function onCacheChange(topic: CacheTopic, drop: () => void): void {
  let set = subscribers.get(topic);
  if (!set) subscribers.set(topic, (set = new Set()));
  set.add(drop);
}

/**
 * Epoch ms since which notifications have been received without a gap; 0 when not listening.
 * The first call opens the connection: lazily, so a build or a script that only imports a cache
 * never connects.
 */
export function listeningSince(): number {
  start();
  return client ? connectedAt : 0;
}

/**
 * Tests run many use cases against short-lived databases, so the listener is off under
 * NODE_ENV=test (caches then live their short TTL, which is still correct). A test of the listener
 * itself turns it on here, and off again with `false`.
 */
export async function setCacheListenerForTests(on: boolean): Promise<void> {
  enabled = on;
  if (!on) {
    const c = current;
    current = client = null;
    connectedAt = 0;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    await c?.end().catch(() => undefined);
    return;
  }
  start();
  for (let i = 0; i < 100 && !client; i++) await new Promise((r) => setTimeout(r, 50));
}

function dropAll(): void {
  for (const set of subscribers.values()) for (const drop of set) drop();
}

function start(): void {
  enabled ??= env.NODE_ENV !== "test";
  if (current || !enabled || !env.DATABASE_URL) return;
  const c = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 5000, application_name: "imshop-cache-listener" });
  current = c;
  const lost = (error?: unknown) => {
    if (current !== c) return; // an old connection's late event
    if (error) logger.warn({ err: error }, "cache listener lost its connection; caches fall back to a short TTL");
    current = client = null;
    connectedAt = 0;
    dropAll();
    c.end().catch(() => undefined);
    retryTimer ??= setTimeout(() => ((retryTimer = null), start()), RETRY_MS);
    retryTimer.unref();
  };
  c.on("error", lost);
  c.on("end", () => lost());
  c.on("notification", (msg) => {
    const set = subscribers.get(msg.payload as CacheTopic);
    if (set) for (const drop of set) drop();
  });
  c.connect()
    .then(() => c.query(`LISTEN ${CACHE_CHANNEL}`))
    .then(() => {
      if (current !== c) return;
      // The socket must not keep a finishing script or worker alive.
      (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      client = c;
      connectedAt = Date.now();
      dropAll();
    })
    .catch(lost);
}
