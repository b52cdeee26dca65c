"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import type { Role } from "@/lib/auth/roles";
import { isAppError } from "@/lib/http/app-error";
import { logger } from "@/lib/logger";
import { changeOrderStatus } from "@/lib/orders/change-order-status";
import { saveOrderStatus } from "@/lib/orders/save-order-status";
import { deleteOrderStatus } from "@/lib/orders/delete-order-status";
import { dismissUnmappedCode } from "@/lib/orders/dismiss-unmapped-code";
import { FinalStatusError, OrderNotFoundError, StatusRuleError, UnknownStatusError } from "@/lib/orders/order-errors";
import { orderStatusFormSchema, staffStatusChangeSchema, statusCodeSchema } from "@/lib/orders/orders.schema";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

/** Staff move an order to another status from its page; the same use case as the API and IMSHOP use. */
export async function changeOrderStatusAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return run("staff", staffStatusChangeSchema, input, async (data, actor) => {
    const { changed } = await changeOrderStatus({ ...data, source: "staff", actor });
    revalidatePath(`/orders/${data.orderId}`);
    revalidatePath("/orders");
    return { changed };
  });
}

const saveInput = z.object({ mode: z.enum(["create", "update"]), status: orderStatusFormSchema });

export async function saveOrderStatusAction(input: unknown): Promise<ActionResult<{ code: string }>> {
  return run("admin", saveInput, input, async ({ mode, status }, actor) => {
    const saved = await saveOrderStatus({ input: status, mode, actor });
    revalidatePath("/order-statuses");
    return saved;
  });
}

export async function deleteOrderStatusAction(code: unknown): Promise<ActionResult<{ code: string }>> {
  return run("admin", statusCodeSchema, code, async (data, actor) => {
    const deleted = await deleteOrderStatus({ code: data, actor });
    revalidatePath("/order-statuses");
    return deleted;
  });
}

export async function dismissUnmappedCodeAction(code: unknown): Promise<ActionResult<{ dismissed: boolean }>> {
  return run("admin", statusCodeSchema, code, async (data, actor) => {
    const result = await dismissUnmappedCode({ code: data, actor });
    revalidatePath("/order-statuses");
    return result;
  });
}

/** The role check, validation and error translation every orders action shares. */
async function run<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: { id: string; label: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const t = await getTranslations("orders");
  try {
    const user = await assertRole(role);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        // The status form nests its fields under `status`; the form knows them by their own names.
        const path = issue.path.filter((p) => p !== "status");
        const field = String(path[0] ?? "form");
        fields[field] ??= t.has(`fieldErrors.${field}`) ? t(`fieldErrors.${field}`) : issue.message;
      }
      return { ok: false, error: t("errors.invalid"), fields };
    }
    return { ok: true, data: await fn(parsed.data, { id: user.id, label: user.email }) };
  } catch (error) {
    if (error instanceof FinalStatusError) {
      const message = t("errors.final", { status: error.statusLabel });
      return { ok: false, error: message, fields: { code: message } };
    }
    if (error instanceof UnknownStatusError) return { ok: false, error: t("errors.unknownStatus"), fields: { code: t("errors.unknownStatus") } };
    if (error instanceof OrderNotFoundError) return { ok: false, error: t("errors.orderNotFound") };
    if (isAppError(error) && (error.code === "unauthorized" || error.code === "forbidden")) return { ok: false, error: t("errors.forbidden") };
    if (error instanceof StatusRuleError) {
      const message = t(`errors.${error.key}`, error.params);
      return { ok: false, error: message, fields: { [error.field]: message } };
    }
    logger.error({ err: error }, "orders action failed");
    return { ok: false, error: t("errors.unexpected") };
  }
}
