"use server";

import { z } from "zod";
import { dottedField, runAction, type ActionResult } from "@/lib/http/run-action";
import { campaignIdSchema, campaignInputSchema, importGtinsSchema } from "@/lib/campaigns/campaigns.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { importCampaignGtins, type GtinImportResult } from "@/lib/campaigns/import-campaign-gtins";

/**
 * Admin only. No namespace: the form translates the codes it gets back. Fields are named by their
 * dotted path (the GTIN list's errors come per index, "gtins.3"); the update action nests the form
 * under `campaign`, and the form knows its fields by their own names.
 */
const campaigns = { logMessage: "campaign action failed", field: (path: readonly PropertyKey[]) => dottedField(path).replace(/^campaign\./, "") };

const updateInput = z.object({ id: campaignIdSchema, campaign: campaignInputSchema });

export async function createCampaignAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({
    ...campaigns,
    role: "admin",
    schema: campaignInputSchema,
    input,
    run: (data, actor) => createCampaign({ data, actor }),
    revalidate: ["/campaigns"],
  });
}

export async function updateCampaignAction(input: unknown): Promise<ActionResult<{ id: string; added: number; removed: number }>> {
  return runAction({
    ...campaigns,
    role: "admin",
    schema: updateInput,
    input,
    run: ({ id, campaign }, actor) => updateCampaign({ id, data: campaign, actor }),
    revalidate: ({ id }) => ["/campaigns", `/campaigns/${id}`],
  });
}

export async function deleteCampaignAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({
    ...campaigns,
    role: "admin",
    schema: campaignIdSchema,
    input: id,
    run: (campaignId, actor) => deleteCampaign({ id: campaignId, actor }),
    revalidate: ["/campaigns"],
  });
}

export async function importCampaignGtinsAction(input: unknown): Promise<ActionResult<GtinImportResult>> {
  return runAction({
    ...campaigns,
    role: "admin",
    schema: importGtinsSchema,
    input,
    run: ({ id, csv }, actor) => importCampaignGtins({ id, csv, actor }),
    revalidate: ({ id }) => [`/campaigns/${id}`, "/campaigns"],
  });
}
