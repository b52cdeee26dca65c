"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/http/app-error";
import { rotateWebhookKey } from "@/lib/imshop/rotate-webhook-key";
import { sendTestRequest, type TestRequestResult } from "@/lib/imshop/send-test-request";
import { imshopSettingsSchema, rotateWebhookKeySchema, testRequestSchema } from "@/lib/imshop/settings.schema";
import { updateImshopSettings } from "@/lib/imshop/update-imshop-settings";
import { logger } from "@/lib/logger";

export type SettingsActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fields?: Record<string, string> };

export async function updateImshopSettingsAction(input: unknown): Promise<SettingsActionResult> {
  return run(imshopSettingsSchema, input, async (_data, actor) => {
    // The use case parses again (it is also called outside the dashboard): pass what was sent.
    await updateImshopSettings({ actor, input: input as z.input<typeof imshopSettingsSchema> });
    return undefined;
  });
}

export async function rotateWebhookKeyAction(input: unknown): Promise<SettingsActionResult<{ key: string; hint: string | null; previousValidUntil: string | null }>> {
  return run(rotateWebhookKeySchema, input, async ({ previousValidHours }, actor) => {
    const r = await rotateWebhookKey({ actor, previousValidHours });
    return { key: r.key, hint: r.hint, previousValidUntil: r.previousValidUntil?.toISOString() ?? null };
  });
}

export async function sendTestRequestAction(input: unknown): Promise<SettingsActionResult<TestRequestResult>> {
  return run(testRequestSchema, input, async ({ kind }, actor) => sendTestRequest({ kind, actor }));
}

/** Admins only; field errors keyed by the form's field names. */
async function run<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: { id: string; label: string }) => Promise<T>,
): Promise<SettingsActionResult<T>> {
  const t = await getTranslations("settings");
  try {
    const user = await assertRole("admin");
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: t("errors.invalid"), fields: fieldsOf(parsed.error.issues) };
    const data = await fn(parsed.data, { id: user.id, label: user.email });
    revalidatePath("/settings/imshop");
    return { ok: true, data };
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "unauthorized" || error.code === "forbidden") return { ok: false, error: t("errors.forbidden") };
      if (error.code === "validation") return { ok: false, error: error.message, fields: error.fields };
    }
    logger.error({ err: error }, "imshop settings action failed");
    return { ok: false, error: t("errors.unexpected") };
  }
}

function fieldsOf(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    fields[field] ??= issue.message;
  }
  return fields;
}
