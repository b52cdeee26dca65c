import { inTransaction, type Tx } from "@/lib/db";
import { StatusRuleError } from "@/lib/orders/order-errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { OrderStatusFormInput } from "@/lib/orders/orders.schema";

export type SaveOrderStatusOptions = {
  input: OrderStatusFormInput;
  /** "update" keeps the code: orders and pushes refer to it, so a new code is a new status. */
  mode: "create" | "update";
  actor: Actor;
  tx?: Tx;
};

/** Creates or edits one of the merchant's statuses and its IMSHOP mapping (admins only, checked by the caller). */
export async function saveOrderStatus({ input, mode, actor, tx }: SaveOrderStatusOptions) {
  return inTransaction(tx, async (tx) => {
    const before = await tx.orderStatus.findUnique({ where: { code: input.code } });
    if (mode === "create" && before) {
      throw new StatusRuleError("codeExists", "code", "This code already exists");
    }
    if (mode === "update" && !before) {
      throw new StatusRuleError("statusNotFound", "code", "Status not found");
    }
    if (input.cancelTargetCode) {
      const target = await tx.orderStatus.findUnique({ where: { code: input.cancelTargetCode }, select: { code: true } });
      if (!target) {
        throw new StatusRuleError("unknownCancelTarget", "cancelTargetCode", "Unknown status code");
      }
    }
    const data = {
      description: input.description,
      buyerText: input.buyerText,
      imshopStatus: input.imshopStatus ?? null,
      cancellable: input.cancellable,
      final: input.final,
      cancelTargetCode: input.cancelTargetCode ?? null,
      sortOrder: input.sortOrder,
    };
    const saved = await tx.orderStatus.upsert({ where: { code: input.code }, create: { code: input.code, ...data }, update: data });
    // The code now has a description and a mapping: the "seen in traffic, unmapped" warning is resolved.
    await tx.unmappedStatusCode.deleteMany({ where: { code: input.code } });
    await recordAudit({
      actor,
      action: mode === "create" ? "order_status.create" : "order_status.update",
      entityType: "order_status",
      entityId: input.code,
      before,
      after: saved,
      tx,
    });
    return { code: saved.code };
  });
}
