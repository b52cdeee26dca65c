import type { Tx } from "@/lib/db";
import type { Circuit, DeliveryKind, ImshopSettings } from "@/lib/generated/prisma/client";
import { nudgeDeliverJobs } from "@/lib/outbox/outbox-jobs";

// One breaker per endpoint kind. closed: send. open: send nothing until probeAt. half_open: one
// probe is on the wire and probeAt is its lease (a probe whose worker died is taken over after it).
// paused: an admin stopped the endpoint by hand; only an admin resumes it.

/** How often a paused endpoint's jobs look again (resuming also wakes them at once). */
export const PAUSED_RECHECK_MS = 60_000;

export type Gate = { pass: true; probe: boolean } | { pass: false; retryAt: Date; reason: string };

type BreakerSettings = Pick<ImshopSettings, "circuitFailureThreshold" | "circuitProbeAfterMs">;

export async function ensureCircuit(tx: Tx, kind: DeliveryKind): Promise<Circuit> {
  await tx.$executeRaw`INSERT INTO "Circuit" (kind, "updatedAt") VALUES (${kind}::"DeliveryKind", now()) ON CONFLICT DO NOTHING`;
  return tx.circuit.findUniqueOrThrow({ where: { kind } });
}

/** Decides, before any HTTP, whether this attempt may go out. */
export async function passCircuit(tx: Tx, kind: DeliveryKind, settings: BreakerSettings, now = new Date()): Promise<Gate> {
  const circuit = await ensureCircuit(tx, kind);
  if (circuit.mode === "closed") return { pass: true, probe: false };
  if (circuit.mode === "paused") {
    return { pass: false, retryAt: new Date(now.getTime() + PAUSED_RECHECK_MS), reason: "paused by an admin" };
  }
  const probeAt = circuit.probeAt ?? now;
  if (probeAt <= now) {
    const took = await tx.circuit.updateMany({
      where: { kind, mode: { in: ["open", "half_open"] }, OR: [{ probeAt: null }, { probeAt: { lte: now } }] },
      data: { mode: "half_open", probeAt: new Date(now.getTime() + settings.circuitProbeAfterMs) },
    });
    if (took.count === 1) return { pass: true, probe: true };
  }
  const fresh = await tx.circuit.findUniqueOrThrow({ where: { kind }, select: { probeAt: true } });
  // A little spread so the queued jobs do not all hit the endpoint the instant it reopens.
  const at = Math.max(fresh.probeAt?.getTime() ?? now.getTime(), now.getTime()) + Math.floor(Math.random() * 1000);
  return { pass: false, retryAt: new Date(at), reason: "circuit open" };
}

/** Feeds one attempt's result into the breaker; returns the mode after it. */
export async function recordCircuitResult(
  tx: Tx,
  kind: DeliveryKind,
  settings: BreakerSettings,
  result: { endpointFailed: boolean; delivered: boolean; error: string | null; alert: string | null },
  now = new Date(),
): Promise<Circuit["mode"]> {
  const seen = await ensureCircuit(tx, kind);
  // The common case, a success on a healthy endpoint, changes nothing: no row lock, no write.
  const healthy = seen.mode === "closed" && seen.consecutiveFailures === 0 && seen.lastError === null;
  if (!result.endpointFailed && healthy && (seen.configAlert === null || !result.delivered)) return "closed";
  const [circuit] = await tx.$queryRaw<Circuit[]>`SELECT * FROM "Circuit" WHERE kind = ${kind}::"DeliveryKind" FOR UPDATE`;
  if (!result.endpointFailed) {
    const reopened = circuit.mode === "open" || circuit.mode === "half_open";
    await tx.circuit.update({
      where: { kind },
      data: {
        mode: circuit.mode === "paused" ? "paused" : "closed",
        consecutiveFailures: 0,
        openedAt: reopened ? null : circuit.openedAt,
        probeAt: null,
        lastError: null,
        ...(result.delivered ? { configAlert: null } : {}),
      },
    });
    // The endpoint is back: everything that waited for it goes now instead of at its back-off time.
    if (reopened) await nudgeDeliverJobs(tx, kind);
    return circuit.mode === "paused" ? "paused" : "closed";
  }
  const failures = circuit.consecutiveFailures + 1;
  const trips = circuit.mode === "half_open" || (circuit.mode === "closed" && failures >= settings.circuitFailureThreshold);
  const mode = trips ? "open" : circuit.mode;
  await tx.circuit.update({
    where: { kind },
    data: {
      mode,
      consecutiveFailures: failures,
      lastError: result.error,
      ...(result.alert ? { configAlert: result.alert } : {}),
      ...(trips ? { openedAt: now, probeAt: new Date(now.getTime() + settings.circuitProbeAfterMs) } : {}),
    },
  });
  return mode;
}

/** A configuration problem found without calling IMSHOP (e.g. no push URL): shown to admins. */
export async function raiseConfigAlert(tx: Tx, kind: DeliveryKind, alert: string): Promise<void> {
  await ensureCircuit(tx, kind);
  await tx.circuit.update({ where: { kind }, data: { configAlert: alert } });
}
