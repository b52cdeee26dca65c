"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/http/app-error";
import { logger } from "@/lib/logger";
import { circuitModeSchema, replayDeadSchema, replayDeliverySchema } from "@/lib/outbox/outbox.schema";
import { replayDeadDeliveries, replayDelivery } from "@/lib/outbox/replay-deliveries";
import { setCircuitMode } from "@/lib/outbox/set-circuit-mode";

export type OutboxActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string };

export async function replayDeliveryAction(input: unknown): Promise<OutboxActionResult<{ id: string }>> {
  return run(replayDeliverySchema, input, async ({ id }, actor) => replayDelivery({ id, actor }));
}

export async function replayDeadDeliveriesAction(input: unknown): Promise<OutboxActionResult<{ replayed: number; skipped: number; more: boolean }>> {
  return run(replayDeadSchema, input, async (filter, actor) => replayDeadDeliveries({ filter, actor }));
}

export async function setCircuitModeAction(input: unknown): Promise<OutboxActionResult<{ kind: string; mode: string }>> {
  return run(circuitModeSchema, input, async ({ kind, mode }, actor) => {
    const result = await setCircuitMode({ kind, mode, actor });
    revalidatePath("/settings/imshop");
    return result;
  });
}

/** Admins only: the check, validation and error wording every outbox action shares. */
async function run<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: { id: string; label: string }) => Promise<T>,
): Promise<OutboxActionResult<T>> {
  const t = await getTranslations("deliveries");
  try {
    const user = await assertRole("admin");
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: t("errors.invalid") };
    const data = await fn(parsed.data, { id: user.id, label: user.email });
    revalidatePath("/deliveries", "layout");
    return { ok: true, data };
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "unauthorized" || error.code === "forbidden") return { ok: false, error: t("errors.forbidden") };
      if (error.code === "not_found") return { ok: false, error: t("errors.notFound") };
      if (error.code === "conflict") return { ok: false, error: error.fields?.id === "newer_exists" ? t("errors.newerExists") : t("errors.notReplayable") };
    }
    logger.error({ err: error }, "outbox action failed");
    return { ok: false, error: t("errors.unexpected") };
  }
}
