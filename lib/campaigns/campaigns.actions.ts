"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/http/app-error";
import { zodFields } from "@/lib/http/zod-fields";
import { logger } from "@/lib/logger";
import { campaignIdSchema, campaignInputSchema, importGtinsSchema } from "@/lib/campaigns/campaigns.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { importCampaignGtins, type GtinImportResult } from "@/lib/campaigns/import-campaign-gtins";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

const updateInput = z.object({ id: campaignIdSchema, campaign: campaignInputSchema });

export async function createCampaignAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return run(campaignInputSchema, input, async (data, actor) => {
    const created = await createCampaign({ data, actor });
    revalidatePath("/campaigns");
    return created;
  });
}

export async function updateCampaignAction(input: unknown): Promise<ActionResult<{ id: string; added: number; removed: number }>> {
  return run(updateInput, input, async ({ id, campaign }, actor) => {
    const updated = await updateCampaign({ id, data: campaign, actor });
    revalidatePath("/campaigns");
    revalidatePath(`/campaigns/${id}`);
    return updated;
  });
}

export async function deleteCampaignAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  return run(campaignIdSchema, id, async (campaignId, actor) => {
    const deleted = await deleteCampaign({ id: campaignId, actor });
    revalidatePath("/campaigns");
    return deleted;
  });
}

export async function importCampaignGtinsAction(input: unknown): Promise<ActionResult<GtinImportResult>> {
  return run(importGtinsSchema, input, async ({ id, csv }, actor) => {
    const result = await importCampaignGtins({ id, csv, actor });
    revalidatePath(`/campaigns/${id}`);
    revalidatePath("/campaigns");
    return result;
  });
}

/** Admin role, validation (the form's fields named, nested ones dotted) and errors as values. */
async function run<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: { id: string; label: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const user = await assertRole("admin");
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fields = zodFields(parsed.error);
      // The update action nests the form under `campaign`; the form knows its fields by their own names.
      const plain = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^campaign\./, ""), v]));
      return { ok: false, error: "invalid", fields: plain };
    }
    return { ok: true, data: await fn(parsed.data, { id: user.id, label: user.email }) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.code, fields: error.fields };
    logger.error({ err: error }, "campaign action failed");
    return { ok: false, error: "internal" };
  }
}
