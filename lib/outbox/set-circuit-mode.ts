import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { DeliveryKind } from "@/lib/generated/prisma/client";
import { ensureCircuit } from "@/lib/outbox/circuit-breaker";
import { nudgeDeliverJobs } from "@/lib/outbox/outbox-jobs";

/**
 * An admin pauses an endpoint (nothing is sent, nothing is lost: pushes wait) or resumes it
 * (closes the breaker and sends everything waiting at once).
 */
export async function setCircuitMode({ kind, mode, actor, tx }: { kind: DeliveryKind; mode: "paused" | "closed"; actor: Actor; tx?: Tx }) {
  return inTransaction(tx, async (tx) => {
    const before = await ensureCircuit(tx, kind);
    const after = await tx.circuit.update({
      where: { kind },
      data:
        mode === "paused"
          ? { mode: "paused" }
          : { mode: "closed", consecutiveFailures: 0, openedAt: null, probeAt: null },
    });
    if (mode === "closed") await nudgeDeliverJobs(tx, kind);
    await recordAudit({
      actor,
      action: mode === "paused" ? "outbox.circuit_pause" : "outbox.circuit_resume",
      entityType: "circuit",
      entityId: kind,
      before: { mode: before.mode, consecutiveFailures: before.consecutiveFailures },
      after: { mode: after.mode },
      tx,
    });
    return { kind, mode: after.mode };
  });
}
