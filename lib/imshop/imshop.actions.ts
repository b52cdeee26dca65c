"use server";

import { isAppError } from "@/lib/http/app-error";
import { runAction, type ActionFailure, type ActionResult, type Translator } from "@/lib/http/run-action";
import { rotateWebhookKey } from "@/lib/imshop/rotate-webhook-key";
import { sendTestRequest, type TestRequestResult } from "@/lib/imshop/send-test-request";
import { imshopSettingsFormSchema, rotateWebhookKeySchema, testRequestSchema, type ImshopSettingsInput } from "@/lib/imshop/settings.schema";
import { updateImshopSettings } from "@/lib/imshop/update-imshop-settings";

/** Admins only; field errors keyed by the form's field names. */
const settings = { namespace: "settings", revalidate: ["/settings/imshop"], logMessage: "imshop settings action failed", mapError: validationFailure };

export async function updateImshopSettingsAction(input: unknown): Promise<ActionResult> {
  return runAction({
    ...settings,
    role: "admin",
    // The form sends durations in seconds and minutes; parsing turns them into the stored milliseconds.
    schema: imshopSettingsFormSchema,
    input,
    run: async (data, actor) => {
      // The use case parses the rest (it is also called outside the dashboard).
      await updateImshopSettings({ actor, input: data as ImshopSettingsInput });
      return undefined;
    },
  });
}

export async function rotateWebhookKeyAction(input: unknown): Promise<ActionResult<{ key: string; hint: string | null; previousValidUntil: string | null }>> {
  return runAction({
    ...settings,
    role: "admin",
    schema: rotateWebhookKeySchema,
    input,
    run: async ({ previousValidHours }, actor) => {
      const r = await rotateWebhookKey({ actor, previousValidHours });
      return { key: r.key, hint: r.hint, previousValidUntil: r.previousValidUntil?.toISOString() ?? null };
    },
  });
}

export async function sendTestRequestAction(input: unknown): Promise<ActionResult<TestRequestResult>> {
  return runAction({ ...settings, role: "admin", schema: testRequestSchema, input, run: async ({ kind }, actor) => sendTestRequest({ kind, actor }) });
}

/** The use case's own checks (a URL that does not parse, say) come back in its words, on its fields. */
function validationFailure(error: unknown, t: Translator): ActionFailure | undefined {
  if (isAppError(error) && error.code === "validation") return { ok: false, error: t("errors.invalid"), fields: error.fields };
  return undefined;
}
