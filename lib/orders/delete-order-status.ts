import { inTransaction, type Tx } from "@/lib/db";
import { StatusRuleError } from "@/lib/orders/order-errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

export type DeleteOrderStatusOptions = { code: string; actor: Actor; tx?: Tx };

/** Removes a status nobody uses: orders in it, or statuses cancelling into it, would lose their meaning. */
export async function deleteOrderStatus({ code, actor, tx }: DeleteOrderStatusOptions) {
  return inTransaction(tx, async (tx) => {
    const before = await tx.orderStatus.findUnique({ where: { code } });
    if (!before) throw new StatusRuleError("statusNotFound", "code", "Status not found");
    const orders = await tx.order.count({ where: { statusCode: code } });
    if (orders > 0) {
      throw new StatusRuleError("statusInUse", "code", `${orders} order(s) are in this status`, { count: orders });
    }
    const referrers = await tx.orderStatus.findMany({ where: { cancelTargetCode: code }, select: { code: true } });
    if (referrers.length > 0) {
      const codes = referrers.map((r) => r.code).join(", ");
      throw new StatusRuleError("statusIsCancelTarget", "code", `It is the cancel target of: ${codes}`, { codes });
    }
    await tx.orderStatus.delete({ where: { code } });
    await recordAudit({ actor, action: "order_status.delete", entityType: "order_status", entityId: code, before, tx });
    return { code };
  });
}
