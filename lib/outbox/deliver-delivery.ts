import { inTransaction } from "@/lib/db";
import { sendImshopPush } from "@/lib/imshop/client";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";
import { logger } from "@/lib/logger";
import { observeDeliveryAttempt } from "@/lib/metrics/metrics";
import { finishAttempt, type FinishedAttempt } from "@/lib/outbox/finish-attempt";
import { recordOrderAnswer } from "@/lib/outbox/record-order-answer";
import { startAttempt } from "@/lib/outbox/start-attempt";

export type DeliverResult = { sent: false; reason: string } | ({ sent: true; status: number | null } & FinishedAttempt);

/**
 * One delivery attempt, the body of the `deliver` job: decide (transaction), call IMSHOP (no
 * transaction held open), record the answer and the next step (transaction).
 */
export async function deliverDelivery({ deliveryId, signal }: { deliveryId: string; signal?: AbortSignal }): Promise<DeliverResult> {
  // Read fresh, not from the 5-second cache: a fixed URL or key must apply to the very next attempt.
  const settings = await ensureImshopSettings();
  const started = await inTransaction(undefined, (tx) => startAttempt(tx, deliveryId, settings));
  if (!started.go) return { sent: false, reason: started.reason };

  const res = await sendImshopPush({
    url: started.url,
    body: started.payload,
    key: started.key,
    header: settings.outboundKeyHeader,
    timeoutMs: settings.timeoutMs,
    signal,
  });
  const aborted = signal?.aborted ?? false;
  const finished = await inTransaction(undefined, (tx) => finishAttempt(tx, started, res, settings, { aborted }));
  observeDeliveryAttempt(started.kind, finished.state === "dead" ? "dead" : finished.outcome, started.createdAt);
  logger.info(
    { deliveryId, kind: started.kind, attemptNo: started.attemptNo, status: res.status, error: res.error, ms: res.latencyMs, ...finished },
    "delivery attempt",
  );
  if (started.kind === "order_status" && finished.outcome === "delivered") {
    await recordOrderAnswer({ orderId: started.entityId, body: res.fullBody }).catch((error) =>
      logger.error({ err: error, deliveryId }, "could not store IMSHOP's order answer"),
    );
  }
  return { sent: true, status: res.status, ...finished };
}
