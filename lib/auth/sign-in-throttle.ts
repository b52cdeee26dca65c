import { prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Sign-in attempts counted per client address and per e-mail + address (never per e-mail alone: that
 * would let anyone lock a known admin out). A slot is taken atomically BEFORE the password is checked,
 * so parallel bursts get no more tries than the limit. Reaching the limit blocks that key for a delay
 * that doubles with every further try, up to MAX_DELAY_MS; the account itself is never locked.
 */
export const PAIR_LIMIT = 5; // tries for one e-mail from one address
export const ADDRESS_LIMIT = 10; // tries from one address, whatever the e-mails (password spraying)
export const WINDOW_MS = 15 * 60 * 1000;
export const BASE_DELAY_MS = 60 * 1000;
export const MAX_DELAY_MS = 60 * 60 * 1000;
/** Rows untouched this long are purged by the worker (lib/maintenance/purge-expired.ts). */
export const THROTTLE_RETENTION_MS = 24 * 60 * 60 * 1000;

export type AttemptKeys = { pair: string; address: string };

export function attemptKeys(email: string, address: string | null): AttemptKeys {
  const addr = address ?? "unknown";
  return { pair: `email-ip:${email}|${addr}`, address: `ip:${addr}` };
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterMs: number };

type Row = { key: string; failures: number; firstFailureAt: Date; lockedUntil: Date | null };

/** Takes one try for both keys, or refuses without counting when either is blocked. */
export async function reserveAttempt(keys: AttemptKeys, now = new Date()): Promise<Reservation> {
  const limits = new Map([
    [keys.pair, PAIR_LIMIT],
    [keys.address, ADDRESS_LIMIT],
  ]);
  const ordered = [...limits.keys()].sort(); // one lock order for every caller: no deadlocks
  const { result, locked } = await prisma.$transaction(async (tx) => {
    for (const key of ordered) {
      await tx.$executeRaw`INSERT INTO "AuthThrottle" (key, failures, "firstFailureAt") VALUES (${key}, 0, ${now})
        ON CONFLICT (key) DO NOTHING`;
    }
    const rows = await tx.$queryRaw<Row[]>`SELECT key, failures, "firstFailureAt", "lockedUntil" FROM "AuthThrottle"
      WHERE key = ANY(${ordered}) ORDER BY key FOR UPDATE`;
    const blockedUntil = Math.max(0, ...rows.map((r) => (r.lockedUntil && r.lockedUntil > now ? r.lockedUntil.getTime() : 0)));
    if (blockedUntil > 0) return { result: { allowed: false, retryAfterMs: blockedUntil - now.getTime() } as Reservation, locked: [] };
    const locked: { key: string; failures: number; lockedUntil: Date }[] = [];
    for (const row of rows) {
      const limit = limits.get(row.key)!;
      const fresh = isQuiet(row, now);
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + delayFor(failures - limit)) : fresh ? null : row.lockedUntil;
      if (failures >= limit) locked.push({ key: row.key, failures, lockedUntil: lockedUntil! });
      await tx.$executeRaw`UPDATE "AuthThrottle" SET failures = ${failures}, "firstFailureAt" = ${fresh ? now : row.firstFailureAt},
        "lockedUntil" = ${lockedUntil} WHERE key = ${row.key}`;
    }
    return { result: { allowed: true } as Reservation, locked };
  });
  // Outside the counting transaction: the audit entry must not hold the throttle rows locked.
  for (const l of locked) await auditLockout(l);
  return result;
}

/** After a right password: the e-mail's count from this address starts over and the address gets its try back. */
export async function settleSuccess(keys: AttemptKeys, tx?: Tx): Promise<void> {
  const db = tx ?? prisma;
  await db.authThrottle.deleteMany({ where: { key: keys.pair } });
  await db.$executeRaw`UPDATE "AuthThrottle" SET failures = GREATEST(failures - 1, 0),
    "lockedUntil" = CASE WHEN failures - 1 < ${ADDRESS_LIMIT} THEN NULL ELSE "lockedUntil" END WHERE key = ${keys.address}`;
}

/** Lifts every block for an e-mail, from every address (an admin set a new password). */
export async function clearEmail(email: string, tx?: Tx): Promise<void> {
  await (tx ?? prisma).authThrottle.deleteMany({ where: { key: { startsWith: `email-ip:${email}|` } } });
}

/** Is this key blocked right now? For tests and diagnostics. */
export async function isBlocked(key: string, now = new Date()): Promise<boolean> {
  const row = await prisma.authThrottle.findUnique({ where: { key } });
  return !!row?.lockedUntil && row.lockedUntil > now;
}

export function delayFor(triesPastLimit: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.min(triesPastLimit, 20), MAX_DELAY_MS);
}

// A new count starts only after a quiet window: no try inside it and no block that ended inside it,
// so a patient attacker keeps meeting the growing delay instead of a fresh allowance every 15 minutes.
function isQuiet(row: Row, now: Date): boolean {
  const since = now.getTime() - WINDOW_MS;
  return row.failures === 0 || (row.firstFailureAt.getTime() < since && (!row.lockedUntil || row.lockedUntil.getTime() < since));
}

async function auditLockout({ key, failures, lockedUntil }: { key: string; failures: number; lockedUntil: Date }) {
  await recordAudit({
    actor: { id: null, label: "sign-in throttle" },
    action: "auth.lockout",
    entityType: "sign_in_throttle",
    entityId: key,
    after: { failures, lockedUntil },
  }).catch(() => undefined);
}

/** For callers that clear by "email:<address>" (lib/users/ensure-admin.ts): that e-mail's blocks from every address. */
export async function clearFailures(key: string): Promise<void> {
  if (key.startsWith("email:")) return clearEmail(key.slice("email:".length));
  await prisma.authThrottle.deleteMany({ where: { key } });
}
