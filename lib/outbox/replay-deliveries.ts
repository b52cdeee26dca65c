import { inTransaction, prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { DeliveryKind } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { lockEntity, scheduleDeliverJob } from "@/lib/outbox/outbox-jobs";

const REPLAYABLE = ["dead", "failed"] as const;
const BULK_LIMIT = 1000;

/**
 * Starts a fresh attempt cycle: the delivery goes back to pending with its attempt counter at 0
 * (so it gets the full maxAttempts again), while the attempt log keeps numbering on, so its history
 * stays readable. A delivery overtaken by a newer version of its entity is never replayed: that
 * would send an older status after a newer one.
 */
export async function replayDelivery({ id, actor, tx }: { id: string; actor: Actor; tx?: Tx }) {
  return inTransaction(tx, async (tx) => {
    const head = await tx.delivery.findUnique({ where: { id }, select: { kind: true, entityId: true } });
    if (!head) throw new AppError("not_found", "Delivery not found", { fields: { id: "Delivery not found" } });
    const outcome = await replayLocked(tx, id, head.kind, head.entityId);
    // fields.id carries a stable key the dashboard translates.
    if (!outcome.ok) throw new AppError("conflict", outcome.reason, { fields: { id: outcome.key } });
    await recordAudit({
      actor,
      action: "delivery.replay",
      entityType: "delivery",
      entityId: id,
      before: outcome.before,
      after: { state: "pending", attempts: 0 },
      tx,
    });
    return { id, state: "pending" as const };
  });
}

export type ReplayFilter = {
  kind?: DeliveryKind;
  entityId?: string;
  /** Only deliveries created at or after this time (the CLI's `deliveries replay --since`). */
  since?: Date;
  /** Which dead letters: "dead" (retries exhausted, the default) or "failed" (refused by IMSHOP). */
  state?: (typeof REPLAYABLE)[number];
};

/** Replays the dead letters matching a filter (at most BULK_LIMIT at once); one audit entry for the batch. */
export async function replayDeadDeliveries({ filter, actor }: { filter: ReplayFilter; actor: Actor }) {
  const candidates = await prisma.delivery.findMany({
    where: {
      state: filter.state ?? "dead",
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
    },
    select: { id: true, kind: true, entityId: true },
    orderBy: { createdAt: "asc" },
    take: BULK_LIMIT,
  });
  const replayed: string[] = [];
  let skipped = 0;
  for (const d of candidates) {
    const outcome = await prisma.$transaction((tx) => replayLocked(tx, d.id, d.kind, d.entityId));
    if (outcome.ok) replayed.push(d.id);
    else skipped++;
  }
  await recordAudit({
    actor,
    action: "delivery.replay_dead",
    entityType: "delivery",
    entityId: filter.entityId ?? filter.kind ?? "*",
    after: { filter, replayed: replayed.length, skipped, ids: replayed },
  });
  return { replayed: replayed.length, skipped, more: candidates.length === BULK_LIMIT };
}

export type ReplayRefusal = "not_replayable" | "newer_exists";
type Replay = { ok: true; before: { state: string; attempts: number } } | { ok: false; key: ReplayRefusal; reason: string };

async function replayLocked(tx: Tx, id: string, kind: DeliveryKind, entityId: string): Promise<Replay> {
  await lockEntity(tx, kind, entityId);
  const d = await tx.delivery.findUniqueOrThrow({ where: { id } });
  if (!(REPLAYABLE as readonly string[]).includes(d.state)) {
    return { ok: false, key: "not_replayable", reason: `Only dead or failed deliveries can be replayed (this one is ${d.state})` };
  }
  const newer = await tx.delivery.findFirst({ where: { kind, entityId, entityVersion: { gt: d.entityVersion } }, select: { id: true } });
  if (newer) {
    return { ok: false, key: "newer_exists", reason: "A newer status of this entity exists; replaying this one would send an older status after it" };
  }
  await tx.delivery.update({ where: { id }, data: { state: "pending", attempts: 0, nextAttemptAt: null } });
  await scheduleDeliverJob(tx, { kind, entityId, deliveryId: id });
  return { ok: true, before: { state: d.state, attempts: d.attempts } };
}
