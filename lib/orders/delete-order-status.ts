import { inTransaction, type Tx } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

export type DeleteOrderStatusOptions = { code: string; actor: Actor; tx?: Tx };

/** Removes a status nobody uses: orders in it, or statuses cancelling into it, would lose their meaning. */
export async function deleteOrderStatus({ code, actor, tx }: DeleteOrderStatusOptions) {
  return inTransaction(tx, async (tx) => {
    const before = await tx.orderStatus.findUnique({ where: { code } });
    if (!before) throw new AppError("not_found", "Status not found", { fields: { code: "Status not found" } });
    const orders = await tx.order.count({ where: { statusCode: code } });
    if (orders > 0) {
      const message = `${orders} order(s) are in this status`;
      throw new AppError("conflict", message, { fields: { code: message } });
    }
    const referrers = await tx.orderStatus.findMany({ where: { cancelTargetCode: code }, select: { code: true } });
    if (referrers.length > 0) {
      const message = `It is the cancel target of: ${referrers.map((r) => r.code).join(", ")}`;
      throw new AppError("conflict", message, { fields: { code: message } });
    }
    await tx.orderStatus.delete({ where: { code } });
    await recordAudit({ actor, action: "order_status.delete", entityType: "order_status", entityId: code, before, tx });
    return { code };
  });
}
