"use server";

import { dottedField, runAction, type ActionResult } from "@/lib/http/run-action";
import { moderateScans, type ModerationResult } from "@/lib/scans/moderate-scan";
import { moderateScansSchema, nextWaitingScanSchema } from "@/lib/scans/scans.schema";
import { findNextWaitingScan } from "@/lib/scans/find-next-waiting-scan";

type DecidedElsewhere = Extract<ModerationResult, { why: "decided_elsewhere" }>;

export type ModerationSummary = {
  changed: number;
  unchanged: number;
  duplicates: number;
  missing: number;
  /** Scans another moderator decided after this one's page showed them: their decision stood. */
  decidedElsewhere: DecidedElsewhere[];
  results: ModerationResult[];
};

/**
 * Staff approve or deny the selected scans (one or many) with an optional message to the app user.
 * No namespace: the dialog translates the codes it gets back.
 */
export async function moderateScansAction(input: unknown): Promise<ActionResult<ModerationSummary>> {
  return runAction({
    role: "staff",
    schema: moderateScansSchema,
    input,
    field: dottedField,
    logMessage: "moderation failed",
    run: async (data, actor) => {
      const results = await moderateScans({ ...data, actor });
      return {
        changed: results.filter((r) => r.outcome === "changed").length,
        unchanged: results.filter((r) => r.outcome === "unchanged").length,
        duplicates: results.filter((r) => r.outcome === "skipped" && r.why === "duplicate").length,
        missing: results.filter((r) => r.outcome === "skipped" && r.why === "not_found").length,
        decidedElsewhere: results.filter((r): r is DecidedElsewhere => r.outcome === "skipped" && r.why === "decided_elsewhere"),
        results,
      };
    },
    revalidate: (_data, { results }) => ["/scans", ...results.filter((r) => r.outcome !== "unchanged").map((r) => `/scans/${r.id}`)],
  });
}

/** The waiting scan after this one in the queue's order (newest first), for "approve and next". */
export async function nextWaitingScanAction(input: unknown): Promise<ActionResult<string | null>> {
  return runAction({
    role: "staff",
    schema: nextWaitingScanSchema,
    input,
    logMessage: "next waiting scan failed",
    run: (data) => findNextWaitingScan(data),
  });
}
