"use server";

import { isAppError } from "@/lib/http/app-error";
import { runAction, type ActionFailure, type ActionResult, type Translator } from "@/lib/http/run-action";
import { circuitModeSchema, replayDeadSchema, replayDeliverySchema } from "@/lib/outbox/outbox.schema";
import { replayDeadDeliveries, replayDelivery } from "@/lib/outbox/replay-deliveries";
import { setCircuitMode } from "@/lib/outbox/set-circuit-mode";

// Admins only. The buttons show one message, so a bad input names no fields.
const deliveries = { layout: "/deliveries" };
const outbox = { namespace: "deliveries", revalidate: [deliveries], logMessage: "outbox action failed", mapError: outboxFailure, field: false as const };

// The replay dialogs refresh the page when they close: revalidating in the action's own answer re-rendered the
// list at once, and a replayed row left the "dead" filter together with the dialog showing its result.
const replay = { ...outbox, revalidate: [] };

export async function replayDeliveryAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({ ...replay, role: "admin", schema: replayDeliverySchema, input, run: ({ id }, actor) => replayDelivery({ id, actor }) });
}

export async function replayDeadDeliveriesAction(input: unknown): Promise<ActionResult<{ replayed: number; skipped: number; more: boolean }>> {
  return runAction({
    ...replay,
    role: "admin",
    schema: replayDeadSchema,
    input,
    run: (filter, actor) => replayDeadDeliveries({ filter, actor }),
  });
}

export async function setCircuitModeAction(input: unknown): Promise<ActionResult<{ kind: string; mode: string }>> {
  return runAction({
    ...outbox,
    role: "admin",
    schema: circuitModeSchema,
    input,
    run: ({ kind, mode }, actor) => setCircuitMode({ kind, mode, actor }),
    revalidate: [deliveries, "/settings/imshop"], // the circuit panel lives on the settings page
  });
}

function outboxFailure(error: unknown, t: Translator): ActionFailure | undefined {
  if (!isAppError(error)) return undefined;
  if (error.code === "not_found") return { ok: false, error: t("errors.notFound") };
  if (error.code === "conflict") return { ok: false, error: error.fields?.id === "newer_exists" ? t("errors.newerExists") : t("errors.notReplayable") };
  return undefined;
}
