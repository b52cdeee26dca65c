import { z } from "zod";

// The one place that reads process.env: everything else imports `env`, already checked and typed.
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

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEXTAUTH_SECRET: optionalText,
  NEXTAUTH_URL: optionalUrl,
  SETTINGS_ENCRYPTION_KEY: optionalText,
  ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(8).optional()),
  DEMO_SEED: bool(true),
  WORKER_IN_PROCESS: bool(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
  // false on the embedded engine (scripts/embedded-postgres.mjs sets it): one shared session.
  WORKER_PREPARED_STATEMENTS: bool(true),
  IMSHOP_SCAN_STATUS_URL: optionalUrl,
  IMSHOP_ORDER_STATUS_URL: optionalUrl,
  IMSHOP_API_KEY: optionalText,
  IMSHOP_WEBHOOK_KEY: optionalText,
  // Opens GET /api/internal/process-stats (CPU time, memory) to callers sending it as x-internal-token.
  INTERNAL_STATS_TOKEN: optionalText.pipe(z.string().min(16).optional()),
  // Set by scripts/start.mjs: a single-machine start, where development secrets are acceptable.
  IMSHOP_CONNECT_LOCAL_START: bool(false),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables (see .env.example):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = load();

/** The secret that signs sessions; a fixed development value only outside production. */
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production" && !isLocalStart()) {
    throw new Error("NEXTAUTH_SECRET must be set in production");
  }
  return "imshop-connect-development-secret-change-me";
}

/** Key material for encrypting stored outbound secrets; falls back to the session secret. */
export function encryptionSecret(): string {
  return env.SETTINGS_ENCRYPTION_KEY ?? authSecret();
}

/** True when the portal was started by `npm start` on one machine (scripts/start.mjs sets it). */
export function isLocalStart(): boolean {
  return env.IMSHOP_CONNECT_LOCAL_START;
}

export function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start`, which provides one");
  }
  return env.DATABASE_URL;
}
