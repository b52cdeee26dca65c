import { z } from "zod";
import { lazy } from "@/lib/util/lazy";

// The one place that reads process.env: everything else imports `env`, already checked and typed. It is
// read on first use, never at import, so `next build` runs with no environment at all; every process
// calls checkStartEnv() when it starts, which names each wrong or missing variable.
const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes"].includes(v)));

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
  .pipe(z.url().optional());

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v));

const keyList = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((k) => k.trim()).filter(Boolean));

export const MIN_SECRET_LENGTH = 32;

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEXTAUTH_SECRET: optionalText.pipe(z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`).optional()),
  NEXTAUTH_URL: optionalUrl,
  SETTINGS_ENCRYPTION_KEY: optionalText.pipe(z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`).optional()),
  // Keys that encrypted stored secrets before the current one: still read, never written (secrets rotate).
  SETTINGS_ENCRYPTION_OLD_KEYS: keyList,
  ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(8).optional()),
  // Demo users and keys are public (README): only ever seeded or accepted when asked for explicitly.
  DEMO_SEED: bool(false),
  WORKER_IN_PROCESS: bool(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
  // false on the embedded engine (scripts/embedded-postgres.mjs sets it): one shared session.
  WORKER_PREPARED_STATEMENTS: bool(true),
  // Bearer token for GET /api/metrics and the worker's metrics port; unset turns metrics off (404).
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, "at least 16 characters").optional()),
  // Port on which `npm run worker` serves its own /metrics (same token); unset: none.
  WORKER_METRICS_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  IMSHOP_SCAN_STATUS_URL: optionalUrl,
  IMSHOP_ORDER_STATUS_URL: optionalUrl,
  IMSHOP_API_KEY: optionalText,
  IMSHOP_WEBHOOK_KEY: optionalText,
  // How many reverse proxies the operator runs in front of the portal. 0: the client is the socket's peer
  // (X-Forwarded-For is ignored, since the caller writes it); n: the address n entries from the right of
  // X-Forwarded-For (each proxy appends the peer it saw). Feeds the webhook allow-list and sign-in limits.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Lets IMSHOP push URLs point at loopback, private, link-local or CGNAT addresses (and plain http in
  // production): for tests and on-premise setups only, since it reopens server-side request forgery.
  IMSHOP_ALLOW_PRIVATE_URLS: bool(false),
  // Opens GET /api/internal/process-stats (CPU time, memory) to callers sending it as x-internal-token.
  INTERNAL_STATS_TOKEN: optionalText.pipe(z.string().min(16).optional()),
  // Largest file one bulk import accepts (bytes); a 1M-client CSV is about 100 MB.
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(2 ** 40).default(500 * 1024 * 1024),
  // Rows one import batch writes in one transaction: progress, resume and cancel move in these steps.
  IMPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(100_000).default(5000),
  // Refused rows kept for one import's error report (all are counted; a wholly wrong file stops growing here).
  IMPORT_MAX_ERRORS: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
});

export type Env = z.infer<typeof schema>;

function problems(source: NodeJS.ProcessEnv): string[] {
  const parsed = schema.safeParse(source);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

function load(): Env {
  const wrong = problems(process.env);
  if (wrong.length) throw new Error(`Invalid environment variables (see .env.example):\n  ${wrong.join("\n  ")}`);
  return schema.parse(process.env);
}

export const env: Env = lazy(load);

/**
 * Everything a process needs before it serves or works: each variable well-formed, and both secrets set
 * (no secret has a built-in default; `npm start`'s local demo generates them per install). Returns the
 * problems, one line per variable, so a start can refuse naming every one at once.
 */
export function startProblems(source: NodeJS.ProcessEnv = process.env): string[] {
  const wrong = problems(source);
  for (const name of ["NEXTAUTH_SECRET", "SETTINGS_ENCRYPTION_KEY"] as const) {
    if (!source[name] && !wrong.some((w) => w.startsWith(`${name}:`))) {
      wrong.push(`${name}: is not set (at least ${MIN_SECRET_LENGTH} characters, e.g. \`openssl rand -base64 48\`)`);
    }
  }
  if (!source.DATABASE_URL?.trim()) wrong.push("DATABASE_URL: is not set");
  return wrong;
}

/** Throws naming every problem startProblems() finds. */
export function checkStartEnv(source: NodeJS.ProcessEnv = process.env): void {
  const wrong = startProblems(source);
  if (wrong.length) throw new Error(`cannot start: fix these environment variables (see .env.example):\n  ${wrong.join("\n  ")}`);
}

/** The secret that signs sessions. */
export function authSecret(): string {
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set");
  return env.NEXTAUTH_SECRET;
}

/** The key new stored secrets are encrypted with, then the older ones that may still read them. */
export function encryptionKeys(): { current: string; old: string[] } {
  if (!env.SETTINGS_ENCRYPTION_KEY) throw new Error("SETTINGS_ENCRYPTION_KEY is not set");
  return { current: env.SETTINGS_ENCRYPTION_KEY, old: env.SETTINGS_ENCRYPTION_OLD_KEYS };
}

export function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start`, which provides one");
  }
  return env.DATABASE_URL;
}
