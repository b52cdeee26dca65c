import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/db";
import type { DeliveryState, ImshopSettings } from "@/lib/generated/prisma/client";
import type { PushResponse } from "@/lib/imshop/client";
import { recordCircuitResult } from "@/lib/outbox/circuit-breaker";
import { lockEntity, scheduleDeliverJob } from "@/lib/outbox/outbox-jobs";
import { classifyAttempt, countsAsEndpointFailure, nextDelayMs, type AttemptOutcome } from "@/lib/outbox/response-policy";
import type { StartedAttempt } from "@/lib/outbox/start-attempt";

export type FinishedAttempt = { outcome: AttemptOutcome["kind"] | "aborted"; state: DeliveryState; nextAttemptAt: Date | null };

/** How soon an attempt cut short by a stopping worker is tried again (by any worker). */
const ABORTED_RETRY_MS = 1000;

/**
 * Writes what IMSHOP answered and decides the delivery's next state, in one transaction with the
 * job that retries it, so a crash leaves either the old state and job or the new ones.
 */
export async function finishAttempt(
  tx: Tx,
  started: StartedAttempt,
  res: PushResponse,
  settings: ImshopSettings,
  opts: { aborted: boolean },
): Promise<FinishedAttempt> {
  const { kind, entityId } = started;
  await lockEntity(tx, kind, entityId);
  await tx.deliveryAttempt.update({
    where: { id: started.attemptId },
    data: { responseStatus: res.status, responseBody: res.body, latencyMs: res.latencyMs, error: res.error },
  });
  const delivery = await tx.delivery.findUniqueOrThrow({
    where: { id: started.deliveryId },
    select: { id: true, state: true, attempts: true },
  });
  const outcome = classifyAttempt(res);
  const now = new Date();
  const common = { lastStatus: res.status, lastError: errorText(res, outcome), response: answerJson(res) };

  if (opts.aborted && outcome.kind !== "delivered") {
    // Not IMSHOP's fault: no circuit penalty, retried soon by whichever worker is still running.
    return retryOrStop(tx, started, delivery, common, new Date(now.getTime() + ABORTED_RETRY_MS), "aborted", settings, false);
  }

  const alert = outcome.kind === "retry_alert" ? outcome.alert : null;
  await recordCircuitResult(tx, kind, settings, {
    endpointFailed: countsAsEndpointFailure(outcome),
    delivered: outcome.kind === "delivered",
    error: common.lastError,
    alert,
  });

  if (outcome.kind === "delivered") {
    // Even a push superseded while it was on the wire did reach IMSHOP: the log says so.
    await tx.delivery.update({ where: { id: delivery.id }, data: { ...common, state: "delivered", deliveredAt: now, nextAttemptAt: null } });
    return { outcome: outcome.kind, state: "delivered", nextAttemptAt: null };
  }
  if (outcome.kind === "failed") {
    const state: DeliveryState = delivery.state === "pending" ? "failed" : delivery.state;
    await tx.delivery.update({ where: { id: delivery.id }, data: { ...common, state, nextAttemptAt: null } });
    return { outcome: outcome.kind, state, nextAttemptAt: null };
  }
  const delay = nextDelayMs({
    attempt: delivery.attempts,
    retryAfterMs: res.retryAfterMs,
    baseMs: settings.backoffBaseMs,
    maxMs: settings.backoffMaxMs,
  });
  return retryOrStop(tx, started, delivery, common, new Date(now.getTime() + delay), outcome.kind, settings, true);
}

async function retryOrStop(
  tx: Tx,
  started: StartedAttempt,
  delivery: { id: string; state: DeliveryState; attempts: number },
  common: Prisma.DeliveryUpdateInput,
  runAt: Date,
  outcome: FinishedAttempt["outcome"],
  settings: ImshopSettings,
  limited: boolean,
): Promise<FinishedAttempt> {
  // Superseded while on the wire: the newer delivery's job is already queued behind this one.
  if (delivery.state !== "pending") {
    await tx.delivery.update({ where: { id: delivery.id }, data: { ...common, nextAttemptAt: null } });
    return { outcome, state: delivery.state, nextAttemptAt: null };
  }
  if (limited && delivery.attempts >= settings.maxAttempts) {
    await tx.delivery.update({ where: { id: delivery.id }, data: { ...common, state: "dead", nextAttemptAt: null } });
    return { outcome, state: "dead", nextAttemptAt: null };
  }
  await tx.delivery.update({ where: { id: delivery.id }, data: { ...common, nextAttemptAt: runAt } });
  await scheduleDeliverJob(tx, { kind: started.kind, entityId: started.entityId, deliveryId: delivery.id, runAt });
  return { outcome, state: "pending", nextAttemptAt: runAt };
}

function errorText(res: PushResponse, outcome: AttemptOutcome): string | null {
  if (res.error) return res.error;
  if (outcome.kind === "delivered") return null;
  if (outcome.kind === "retry_alert") return outcome.alert;
  return `IMSHOP answered ${res.status}`;
}

/** IMSHOP's JSON answer when there is one (order pushes get {success, uuid, imshopStatus…}). */
function answerJson(res: PushResponse): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (!res.fullBody) return Prisma.DbNull;
  try {
    const parsed: unknown = JSON.parse(res.fullBody);
    return parsed !== null && typeof parsed === "object" ? (parsed as Prisma.InputJsonValue) : Prisma.DbNull;
  } catch {
    return Prisma.DbNull;
  }
}
