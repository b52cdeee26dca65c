"use server";

import { createSegment, renameSegment } from "@/lib/offers/save-segment";
import { deleteSegment } from "@/lib/offers/delete-segment";
import { runAction, type ActionResult } from "@/lib/http/run-action";
import { offerActionOptions } from "@/lib/offers/run-offer-action";
import { segmentIdInputSchema, segmentInputSchema } from "@/lib/offers/offers.schema";

type SegmentResult = { id: string; name: string; source: string };

export async function createSegmentAction(input: unknown): Promise<ActionResult<SegmentResult>> {
  return runAction({ ...offerActionOptions, role: "admin", schema: segmentInputSchema, input, run: (data, actor) => createSegment({ actor, input: data }) });
}

export async function renameSegmentAction(input: unknown): Promise<ActionResult<SegmentResult>> {
  return runAction({ ...offerActionOptions, role: "admin", schema: segmentInputSchema, input, run: (data, actor) => renameSegment({ actor, input: data }) });
}

export async function deleteSegmentAction(input: unknown): Promise<ActionResult<{ segmentId: string }>> {
  return runAction({ ...offerActionOptions, role: "admin", schema: segmentIdInputSchema, input, run: ({ segmentId }, actor) => deleteSegment({ actor, segmentId }) });
}
