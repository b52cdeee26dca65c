import { inTransaction, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { applyStatusChange, lockOrder, type OrderState } from "@/lib/orders/change-order-status";
import { findOrderIdByWireId } from "@/lib/orders/find-order";
import { cancelRefusalText, type CancelLocale, type CancelRefusal } from "@/lib/orders/cancel-messages";
import type { CancelOrderRequest } from "@/lib/orders/orders.schema";

export type CancelOrderFromAppOptions = { request: CancelOrderRequest; requestId?: string; locale?: CancelLocale; tx?: Tx };

/** Seed 001's answer, or the older edition's when the older request shape came in (contract 2.3). */
export type CancelAnswer =
  | { success: boolean; newStatus?: string; newMessage?: string }
  | { success: boolean; status?: string; message?: string };

type Outcome = { success: true; code: string; message: string | null } | { success: false; message: string };

export const IMSHOP_CANCEL_ACTOR = { id: null, label: "IMSHOP: cancelled in the app" };

/**
 * A buyer pressed "cancel" in the app. An order in a cancellable status moves to its cancel target;
 * a repeat of a cancellation that already went through answers success again; anything else is a
 * refusal that says why, in words the buyer can read.
 */
export async function cancelOrderFromApp({ request, requestId, locale = "ru", tx }: CancelOrderFromAppOptions): Promise<CancelAnswer> {
  const outcome = await inTransaction(tx, (t) => decide(t, request, requestId, locale));
  if (request.shape === "legacy") {
    return outcome.success
      ? { success: true, status: outcome.code, ...(outcome.message ? { message: outcome.message } : {}) }
      : { success: false, message: outcome.message };
  }
  return outcome.success
    ? { success: true, newStatus: outcome.code, ...(outcome.message ? { newMessage: outcome.message } : {}) }
    : { success: false, newMessage: outcome.message };
}

async function decide(tx: Tx, request: CancelOrderRequest, requestId: string | undefined, locale: CancelLocale): Promise<Outcome> {
  const orderId = await findOrder(tx, request);
  const order = orderId ? await lockOrder(tx, orderId) : null;
  const refuse = (reason: CancelRefusal, status = ""): Outcome => ({ success: false, message: cancelRefusalText(reason, status, locale) });
  if (!order) return refuse("unknown_order");

  const current = await tx.orderStatus.findUnique({ where: { code: order.statusCode } });
  const shownStatus = current?.buyerText ?? order.statusMessage ?? order.statusCode;
  const isCancelTarget = (await tx.orderStatus.count({ where: { cancelTargetCode: order.statusCode } })) > 0;
  if (isCancelTarget) {
    // IMSHOP repeats requests whose answer it missed: a cancellation the app itself made succeeds again.
    return (await lastChangeWasAppCancel(tx, order)) ? ok(order) : refuse("already_cancelled");
  }
  if (!current || current.final) return refuse(current ? "final" : "not_cancellable", shownStatus);
  if (!current.cancellable) return refuse("not_cancellable", shownStatus);
  const target = current.cancelTargetCode ? await tx.orderStatus.findUnique({ where: { code: current.cancelTargetCode } }) : null;
  if (!target) {
    logger.warn({ orderId: order.id, status: order.statusCode }, "cancellable status has no existing cancel target");
    return refuse("not_configured");
  }
  const { order: cancelled } = await applyStatusChange(tx, order, {
    code: target.code,
    source: "imshop",
    actor: IMSHOP_CANCEL_ACTOR,
    reason: request.reason,
    requestId,
  });
  return ok(cancelled);
}

const ok = (order: OrderState): Outcome => ({ success: true, code: order.statusCode, message: order.statusMessage });

/** The uuid first (IMSHOP's own id), then the merchant's number; the older shape's `id` may be either. */
async function findOrder(tx: Tx, request: CancelOrderRequest): Promise<string | null> {
  if (request.shape === "legacy") return findOrderIdByWireId(tx, request.id);
  if (request.uuid) {
    const byUuid = await tx.order.findUnique({ where: { uuid: request.uuid }, select: { id: true } });
    if (byUuid) return byUuid.id;
  }
  if (request.internalId) {
    const byNumber = await tx.order.findUnique({ where: { internalId: request.internalId }, select: { id: true } });
    if (byNumber) return byNumber.id;
  }
  return null;
}

async function lastChangeWasAppCancel(tx: Tx, order: OrderState): Promise<boolean> {
  const last = await tx.orderStatusChange.findFirst({
    where: { orderId: order.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { toCode: true, source: true },
  });
  return last?.toCode === order.statusCode && last.source === "imshop";
}
