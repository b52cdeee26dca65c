"use server";

import { dottedField, runAction, type ActionResult } from "@/lib/http/run-action";
import { moderateScans, type ModerationResult } from "@/lib/scans/moderate-scan";
import { moderateScansSchema } from "@/lib/scans/scans.schema";

export type ModerationSummary = { changed: number; unchanged: number; duplicates: number; missing: number; results: ModerationResult[] };

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
        results,
      };
    },
    revalidate: (_data, { results }) => ["/scans", ...results.filter((r) => r.outcome === "changed").map((r) => `/scans/${r.id}`)],
  });
}
