"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/http/app-error";
import { logger } from "@/lib/logger";
import { createApiKeyInput, updateApiKeyInput } from "@/lib/api-keys/api-keys.schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { updateApiKey } from "@/lib/api-keys/update-api-key";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

/** Returns the new key's full value: the page shows it once, and it cannot be read again. */
export async function createApiKeyAction(input: unknown) {
  return run(createApiKeyInput, input, (data, actor) => createApiKey({ input: data, actor }));
}

export async function updateApiKeyAction(input: unknown) {
  return run(updateApiKeyInput, input, (data, actor) => updateApiKey({ input: data, actor }));
}

export async function revokeApiKeyAction(input: unknown) {
  return run(z.object({ id: z.string().min(1) }), input, async ({ id }, actor) => {
    const { revokedAt } = await revokeApiKey({ id, actor });
    return revokedAt?.toISOString() ?? null;
  });
}

async function run<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: { id: string; label: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const t = await getTranslations("loyalty");
  try {
    const user = await assertRole("admin");
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
      return { ok: false, error: t("errors.invalid"), fields };
    }
    const data = await fn(parsed.data, { id: user.id, label: user.email });
    revalidatePath("/api-keys");
    return { ok: true, data };
  } catch (error) {
    if (isAppError(error) && (error.code === "unauthorized" || error.code === "forbidden")) return { ok: false, error: t("errors.forbidden") };
    if (isAppError(error) && error.fields) return { ok: false, error: error.message, fields: error.fields };
    logger.error({ err: error }, "api key action failed");
    return { ok: false, error: t("errors.unexpected") };
  }
}
