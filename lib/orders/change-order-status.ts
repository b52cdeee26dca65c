import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { enqueueDelivery } from "@/lib/outbox/enqueue-delivery";
import { FinalStatusError, OrderNotFoundError, UnknownStatusError } from "@/lib/orders/order-errors";

export type ChangeSource = "staff" | "api" | "imshop" | "system";

export type StatusChangeRequest = {
  code: string;
  /** Text the buyer sees; defaults to the status' buyerText. */
  message?: string;
  /** Kept from the previous change when not given: a parcel's tracking page stays valid until delivery. */
  trackingUrl?: string;
  source: ChangeSource;
  actor: Actor;
  /** Why, when the requester said (a buyer's cancellation reason): kept in the audit entry. */
  reason?: string;
  requestId?: string;
};

export type ChangeOrderStatusInput = StatusChangeRequest & { orderId: string; tx?: Tx };

export type OrderState = {
  id: string;
  uuid: string | null;
  internalId: string;
  statusCode: string;
  statusMessage: string | null;
  trackingUrl: string | null;
  version: number;
};

export type StatusChangeResult = { changed: boolean; order: OrderState; deliveryId: string | null };

const orderStateSelect = {
  id: true,
  uuid: true,
  internalId: true,
  statusCode: true,
  statusMessage: true,
  trackingUrl: true,
  version: true,
} as const;

/**
 * The one way an order's status changes, whatever asked for it (staff, merchant API, IMSHOP's cancel,
 * the system): refuses moves out of a final status, records the change, updates the order, audits it
 * and queues the push to IMSHOP, all in one transaction.
 */
export async function changeOrderStatus(input: ChangeOrderStatusInput): Promise<StatusChangeResult> {
  return inTransaction(input.tx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) throw new OrderNotFoundError("id", input.orderId);
    return applyStatusChange(tx, order, input);
  });
}

/** Row lock first: two changes to one order (a staff click and IMSHOP's cancel) must not interleave. */
export async function lockOrder(tx: Tx, orderId: string): Promise<OrderState | null> {
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  return tx.order.findUnique({ where: { id: orderId }, select: orderStateSelect });
}

/**
 * Applies a status to an order already locked in `tx`. `initial` marks the status an order was created
 * with (upsert-order): recorded and pushed like any change, with no previous status to check.
 */
export async function applyStatusChange(
  tx: Tx,
  order: OrderState,
  req: StatusChangeRequest,
  opts: { initial?: boolean } = {},
): Promise<StatusChangeResult> {
  if (!opts.initial) {
    const unchanged =
      req.code === order.statusCode &&
      (req.message === undefined || req.message === order.statusMessage) &&
      (req.trackingUrl === undefined || req.trackingUrl === order.trackingUrl);
    if (unchanged) return { changed: false, order, deliveryId: null };
    if (req.code !== order.statusCode) {
      const current = await tx.orderStatus.findUnique({ where: { code: order.statusCode }, select: { final: true, description: true } });
      if (current?.final) throw new FinalStatusError(order.statusCode, current.description);
    }
  }

  const next = await tx.orderStatus.findUnique({ where: { code: req.code }, select: { buyerText: true } });
  if (!next) {
    if (req.source === "staff") throw new UnknownStatusError(req.code);
    await countUnmappedCode(tx, req.code);
  }

  const statusMessage = req.message ?? next?.buyerText ?? null;
  const trackingUrl = req.trackingUrl ?? order.trackingUrl;
  const updated = await tx.order.update({
    where: { id: order.id },
    data: { statusCode: req.code, statusMessage, trackingUrl, version: { increment: 1 } },
    select: orderStateSelect,
  });
  const change = await tx.orderStatusChange.create({
    data: {
      orderId: order.id,
      fromCode: opts.initial ? null : order.statusCode,
      toCode: req.code,
      message: statusMessage,
      trackingUrl: req.trackingUrl ?? null,
      source: req.source,
      actorId: req.actor.id ?? null,
      actorLabel: req.actor.label,
    },
    select: { id: true },
  });
  await recordAudit({
    actor: req.actor,
    action: "order.status_change",
    entityType: "order",
    entityId: order.id,
    before: opts.initial ? null : pick(order),
    after: { ...pick(updated), source: req.source, changeId: change.id, ...(req.reason ? { reason: req.reason } : {}) },
    requestId: req.requestId,
    tx,
  });
  const delivery = await enqueueDelivery({
    kind: "order_status",
    entityId: order.id,
    entityVersion: updated.version,
    payload: orderStatusPayload(updated),
    tx,
  });
  return { changed: true, order: updated, deliveryId: delivery.id };
}

/** Seed 001's push body. IMSHOP knows orders by its uuid; split orders only by the merchant's number. */
export function orderStatusPayload(order: Pick<OrderState, "uuid" | "internalId" | "statusCode" | "statusMessage" | "trackingUrl">) {
  return {
    id: order.uuid ?? order.internalId,
    code: order.statusCode,
    ...(order.statusMessage ? { message: order.statusMessage } : {}),
    ...(order.trackingUrl ? { trackingUrl: order.trackingUrl } : {}),
  };
}

async function countUnmappedCode(tx: Tx, code: string) {
  const now = new Date();
  await tx.unmappedStatusCode.upsert({
    where: { code },
    create: { code, count: 1, firstSeenAt: now, lastSeenAt: now },
    update: { count: { increment: 1 }, lastSeenAt: now },
  });
}

const pick = (o: OrderState) => ({ statusCode: o.statusCode, statusMessage: o.statusMessage, trackingUrl: o.trackingUrl, version: o.version });
