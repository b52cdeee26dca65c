import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/db";

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
 * Queues a push to IMSHOP inside the caller's transaction. Older pending pushes for the same entity
 * are superseded, and the graphile-worker job is keyed per entity so a newer status replaces a
 * pending older one; the per-entity queue keeps them in order.
 */
export async function enqueueDelivery({ kind, entityId, entityVersion, payload, tx }: EnqueueDeliveryInput) {
  await tx.delivery.updateMany({
    where: { kind, entityId, state: "pending", entityVersion: { lt: entityVersion } },
    data: { state: "superseded" },
  });
  const delivery = await tx.delivery.create({
    data: { kind, entityId, entityVersion, payload: payload as Prisma.InputJsonValue, state: "pending" },
    select: { id: true },
  });
  const key = `${kind}:${entityId}`;
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    'deliver',
    json_build_object('deliveryId', ${delivery.id}::text),
    queue_name => ${key}::text,
    job_key => ${key}::text,
    job_key_mode => 'replace',
    max_attempts => 1
  )`;
  return delivery;
}
