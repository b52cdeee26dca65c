import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/db";
import { lockEntity, scheduleDeliverJob } from "@/lib/outbox/outbox-jobs";

export type DeliveryKind = "scan_status" | "order_status";

export type EnqueueDeliveryInput = {
  kind: DeliveryKind;
  entityId: string;
  /** The entity's version after the change; a push for a lower version is never sent after this one. */
  entityVersion: number;
  payload: Record<string, unknown>;
  /** Required: the push must commit or roll back with the change it reports. */
  tx: Tx;
};

/**
 * Queues a push to IMSHOP inside the caller's transaction: the delivery row and its graphile-worker
 * job commit or roll back with the change. Older pending pushes for the same entity are superseded
 * and the entity's job now carries this delivery (job_key replace); the per-entity queue keeps
 * a push already on the wire ahead of this one.
 */
export async function enqueueDelivery({ kind, entityId, entityVersion, payload, tx }: EnqueueDeliveryInput) {
  await lockEntity(tx, kind, entityId);
  const newer = await tx.delivery.findFirst({
    where: { kind, entityId, entityVersion: { gt: entityVersion } },
    select: { id: true },
  });
  // A stale version (a caller racing another change) is logged but never sent.
  const state = newer ? "superseded" : "pending";
  if (!newer) {
    await tx.delivery.updateMany({
      where: { kind, entityId, state: "pending", entityVersion: { lt: entityVersion } },
      data: { state: "superseded", nextAttemptAt: null },
    });
  }
  const delivery = await tx.delivery.create({
    data: { kind, entityId, entityVersion, payload: payload as Prisma.InputJsonValue, state },
    select: { id: true },
  });
  if (!newer) await scheduleDeliverJob(tx, { kind, entityId, deliveryId: delivery.id });
  return delivery;
}
