import { Prisma, type Tx } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { DeliveryKind, ImshopSettings } from "@/lib/generated/prisma/client";
import { passCircuit, raiseConfigAlert } from "@/lib/outbox/circuit-breaker";
import { lockEntity, scheduleDeliverJob } from "@/lib/outbox/outbox-jobs";

/** How long a delivery waits when its push URL or key is unusable (saving the settings wakes it at once). */
export const CONFIG_RECHECK_MS = 60_000;

export type StartedAttempt = {
  go: true;
  deliveryId: string;
  attemptId: bigint;
  attemptNo: number;
  attempts: number;
  kind: DeliveryKind;
  entityId: string;
  url: string;
  key: string | null;
  payload: unknown;
  probe: boolean;
  /** When the delivery was committed: the start of the commit-to-receipt lag the metrics report. */
  createdAt: Date;
};

export type NotStarted = { go: false; reason: string };

export const pushUrlFor = (settings: ImshopSettings, kind: DeliveryKind) =>
  kind === "scan_status" ? settings.scanStatusUrl : settings.orderStatusUrl;

/**
 * Everything decided before the HTTP call, in one short transaction: is this delivery still the one
 * to send, may the endpoint be called, and the attempt row written first, so that an attempt cut short
 * by a killed worker still shows in the log.
 */
export async function startAttempt(tx: Tx, deliveryId: string, settings: ImshopSettings): Promise<StartedAttempt | NotStarted> {
  const head = await tx.delivery.findUnique({ where: { id: deliveryId }, select: { kind: true, entityId: true } });
  if (!head) return { go: false, reason: "delivery not found (purged?)" };
  await lockEntity(tx, head.kind, head.entityId);
  const delivery = await tx.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
  if (delivery.state !== "pending") return { go: false, reason: `already ${delivery.state}` };

  const { kind, entityId } = delivery;
  const newer = await tx.delivery.findFirst({
    where: { kind, entityId, entityVersion: { gt: delivery.entityVersion } },
    select: { id: true },
  });
  if (newer) {
    await tx.delivery.update({ where: { id: deliveryId }, data: { state: "superseded", nextAttemptAt: null } });
    return { go: false, reason: "a newer version exists" };
  }
  // The entity's queue runs one job at a time, so an unanswered attempt here belongs to a dead worker.
  await tx.deliveryAttempt.updateMany({
    where: { deliveryId, responseStatus: null, error: null },
    data: { error: "interrupted: the worker stopped before IMSHOP answered" },
  });

  const url = pushUrlFor(settings, kind);
  let key: string | null = null;
  let problem = url ? null : `The ${kind === "scan_status" ? "scan" : "order"} status push URL is not set`;
  if (!problem && settings.outboundKeyEncrypted) {
    try {
      key = decryptSecret(settings.outboundKeyEncrypted);
    } catch {
      problem = "The stored outbound key cannot be decrypted (was SETTINGS_ENCRYPTION_KEY changed?): enter it again";
    }
  }
  if (problem || !url) {
    await raiseConfigAlert(tx, kind, problem ?? "push URL missing");
    return postpone(tx, delivery, new Date(Date.now() + CONFIG_RECHECK_MS), problem ?? "config");
  }

  const gate = await passCircuit(tx, kind, settings);
  if (!gate.pass) return postpone(tx, delivery, gate.retryAt, gate.reason);

  const last = await tx.deliveryAttempt.aggregate({ where: { deliveryId }, _max: { attemptNo: true } });
  const attemptNo = (last._max.attemptNo ?? 0) + 1;
  const updated = await tx.delivery.update({
    where: { id: deliveryId },
    data: { attempts: { increment: 1 }, nextAttemptAt: null },
    select: { attempts: true },
  });
  const attempt = await tx.deliveryAttempt.create({
    data: { deliveryId, attemptNo, url, requestBody: delivery.payload as Prisma.InputJsonValue, latencyMs: 0 },
    select: { id: true },
  });
  return {
    go: true,
    deliveryId,
    attemptId: attempt.id,
    attemptNo,
    attempts: updated.attempts,
    kind,
    entityId,
    url,
    key,
    payload: delivery.payload,
    probe: gate.probe,
    createdAt: delivery.createdAt,
  };
}

async function postpone(
  tx: Tx,
  delivery: { id: string; kind: DeliveryKind; entityId: string },
  runAt: Date,
  reason: string,
): Promise<NotStarted> {
  await tx.delivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: runAt } });
  await scheduleDeliverJob(tx, { kind: delivery.kind, entityId: delivery.entityId, deliveryId: delivery.id, runAt });
  return { go: false, reason: `postponed: ${reason}` };
}
