"use server";

import { z } from "zod";
import { runAction, type ActionFailure, type ActionResult, type Translator } from "@/lib/http/run-action";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { saveOrderStatus } from "@/lib/orders/save-order-status";
import { deleteOrderStatus } from "@/lib/orders/delete-order-status";
import { dismissUnmappedCode } from "@/lib/orders/dismiss-unmapped-code";
import { FinalStatusError, OrderNotFoundError, StatusRuleError, UnknownStatusError } from "@/lib/orders/order-errors";
import { orderStatusFormSchema, staffStatusChangeSchema, statusCodeSchema } from "@/lib/orders/orders.schema";

const orders = {
  namespace: "orders",
  logMessage: "orders action failed",
  mapError: orderRuleFailure,
  // The status form nests its fields under `status`; the form knows them by their own names.
  field: (path: readonly PropertyKey[]) => String(path.filter((p) => p !== "status")[0] ?? "form"),
};

/** Staff move an order to another status from its page; the same use case as the API and IMSHOP use. */
export async function changeOrderStatusAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return runAction({
    ...orders,
    role: "staff",
    schema: staffStatusChangeSchema,
    input,
    run: async (data, actor) => ({ changed: (await changeOrderStatus({ ...data, source: "staff", actor })).changed }),
    revalidate: (data) => [`/orders/${data.orderId}`, "/orders"],
  });
}

const saveInput = z.object({ mode: z.enum(["create", "update"]), status: orderStatusFormSchema });

export async function saveOrderStatusAction(input: unknown): Promise<ActionResult<{ code: string }>> {
  return runAction({
    ...orders,
    role: "admin",
    schema: saveInput,
    input,
    run: ({ mode, status }, actor) => saveOrderStatus({ input: status, mode, actor }),
    revalidate: ["/order-statuses"],
  });
}

export async function deleteOrderStatusAction(code: unknown): Promise<ActionResult<{ code: string }>> {
  return runAction({
    ...orders,
    role: "admin",
    schema: statusCodeSchema,
    input: code,
    run: (data, actor) => deleteOrderStatus({ code: data, actor }),
    revalidate: ["/order-statuses"],
  });
}

export async function dismissUnmappedCodeAction(code: unknown): Promise<ActionResult<{ dismissed: boolean }>> {
  return runAction({
    ...orders,
    role: "admin",
    schema: statusCodeSchema,
    input: code,
    run: (data, actor) => dismissUnmappedCode({ code: data, actor }),
    revalidate: ["/order-statuses"],
  });
}

function orderRuleFailure(error: unknown, t: Translator): ActionFailure | undefined {
  if (error instanceof FinalStatusError) {
    const message = t("errors.final", { status: error.statusLabel });
    return { ok: false, error: message, fields: { code: message } };
  }
  if (error instanceof UnknownStatusError) return { ok: false, error: t("errors.unknownStatus"), fields: { code: t("errors.unknownStatus") } };
  if (error instanceof OrderNotFoundError) return { ok: false, error: t("errors.orderNotFound") };
  if (error instanceof StatusRuleError) {
    const message = t(`errors.${error.key}`, error.params);
    return { ok: false, error: message, fields: { [error.field]: message } };
  }
  return undefined;
}
