import { prisma, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/audit/record-audit";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { findOrderIdByWireId } from "@/lib/orders/find-order";
import { OrderNotFoundError } from "@/lib/orders/order-errors";
import type { OrderStatusChangeInput } from "@/lib/orders/orders.schema";

export type SetOrderStatusFromApiOptions = { input: OrderStatusChangeInput; actor: Actor; requestId?: string; tx?: Tx };

/** `POST /api/orders/status`: a merchant system reports a status, with seed 001's body. */
export async function setOrderStatusFromApi({ input, actor, requestId, tx }: SetOrderStatusFromApiOptions) {
  const orderId = await findOrderIdByWireId(tx ?? prisma, input.id);
  if (!orderId) throw new OrderNotFoundError("id", input.id);
  const { changed, order } = await changeOrderStatus({
    orderId,
    code: input.code,
    message: input.message,
    trackingUrl: input.trackingUrl,
    source: "api",
    actor,
    requestId,
    tx,
  });
  return {
    success: true as const,
    changed,
    internalId: order.internalId,
    uuid: order.uuid,
    code: order.statusCode,
    message: order.statusMessage,
    trackingUrl: order.trackingUrl,
    version: order.version,
  };
}
