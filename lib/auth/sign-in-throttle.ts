import { prisma } from "@/lib/db";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** Is this key (an e-mail or an address) locked out after too many failures? */
export async function isLocked(key: string, now = new Date()): Promise<boolean> {
  const row = await prisma.authThrottle.findUnique({ where: { key } });
  return !!row?.lockedUntil && row.lockedUntil > now;
}

/** Counts one failure; the fifth inside the window locks the key for LOCK_MS. */
export async function recordFailure(key: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.authThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.firstFailureAt.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : (row?.lockedUntil ?? null);
    await tx.authThrottle.upsert({
      where: { key },
      create: { key, failures, firstFailureAt: now, lockedUntil },
      update: { failures, firstFailureAt: fresh ? now : row.firstFailureAt, lockedUntil },
    });
  });
}

export async function clearFailures(key: string): Promise<void> {
  await prisma.authThrottle.deleteMany({ where: { key } });
}
