"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/http/app-error";
import { logger } from "@/lib/logger";
import { adjustBalance } from "@/lib/loyalty/adjust-balance";
import { deleteLevel } from "@/lib/loyalty/delete-level";
import { importClients, type ImportResult } from "@/lib/loyalty/import-clients";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";
import { adjustmentInput, clientInput, levelInput, pointInput } from "@/lib/loyalty/loyalty.schema";
import { refundOperation } from "@/lib/loyalty/refund-operation";
import { saveClient } from "@/lib/loyalty/save-client";
import { saveLevel } from "@/lib/loyalty/save-level";
import { savePoint } from "@/lib/loyalty/save-point";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

const idField = { id: z.string().max(100).nullish() };
const MAX_IMPORT_BYTES = 900 * 1024;

export async function savePointAction(input: unknown) {
  return run(pointInput.extend(idField), input, ({ id, ...data }, actor) => savePoint({ id, input: data, actor }), ["/loyalty/points"]);
}

export async function saveLevelAction(input: unknown) {
  return run(levelInput.extend(idField), input, ({ id, ...data }, actor) => saveLevel({ id, input: data, actor }), ["/loyalty/levels"]);
}

export async function deleteLevelAction(input: unknown) {
  return run(z.object({ id: z.string().min(1) }), input, ({ id }, actor) => deleteLevel({ id, actor }), ["/loyalty/levels"]);
}

export async function saveClientAction(input: unknown) {
  return run(
    z.intersection(clientInput, z.object(idField)),
    input,
    async ({ id, ...data }, actor) => (await saveClient({ id, input: data, actor })).id,
    ["/loyalty/clients"],
  );
}

export async function adjustBalanceAction(input: unknown) {
  return run(adjustmentInput, input, (data, actor) => adjustBalance({ ...data, actor }), ["/loyalty/clients"]);
}

export async function refundOperationAction(input: unknown) {
  const schema = z.object({ operationId: z.string().min(1), reason: z.string().trim().max(500).nullish() });
  return run(schema, input, (data, actor) => refundOperation({ ...data, actor }), ["/loyalty/operations", "/loyalty/clients"]);
}

export async function importClientsAction(input: unknown): Promise<ActionResult<ImportResult>> {
  const schema = z.object({ csv: z.string().min(1, "Choose a file").max(MAX_IMPORT_BYTES, "The file is too large (at most 900 KB)") });
  return run(schema, input, ({ csv }, actor) => importClients({ csv, actor }), ["/loyalty/clients"]);
}

/** The admin check, validation and error translation every loyalty action shares. */
async function run<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: { id: string; label: string }) => Promise<T>,
  paths: string[],
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
    for (const path of paths) revalidatePath(path, "layout");
    return { ok: true, data };
  } catch (error) {
    if (error instanceof LoyaltyRuleError) {
      const message = t(`errors.${error.key}`, error.values);
      return { ok: false, error: message, fields: { [error.field]: message } };
    }
    if (isAppError(error) && (error.code === "unauthorized" || error.code === "forbidden")) return { ok: false, error: t("errors.forbidden") };
    if (isAppError(error) && error.fields) return { ok: false, error: error.message, fields: error.fields };
    logger.error({ err: error }, "loyalty action failed");
    return { ok: false, error: t("errors.unexpected") };
  }
}
