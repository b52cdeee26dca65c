"use server";

import { revalidatePath } from "next/cache";
import { assertRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/http/app-error";
import { zodFields } from "@/lib/http/zod-fields";
import { logger } from "@/lib/logger";
import { moderateScans, type ModerationResult } from "@/lib/scans/moderate-scan";
import { moderateScansSchema } from "@/lib/scans/scans.schema";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

export type ModerationSummary = { changed: number; unchanged: number; duplicates: number; missing: number; results: ModerationResult[] };

/** Staff approve or deny the selected scans (one or many) with an optional message to the app user. */
export async function moderateScansAction(input: unknown): Promise<ActionResult<ModerationSummary>> {
  try {
    const user = await assertRole("staff");
    const parsed = moderateScansSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "invalid", fields: zodFields(parsed.error) };
    const results = await moderateScans({ ...parsed.data, actor: { id: user.id, label: user.email } });
    revalidatePath("/scans");
    for (const r of results) if (r.outcome === "changed") revalidatePath(`/scans/${r.id}`);
    return {
      ok: true,
      data: {
        changed: results.filter((r) => r.outcome === "changed").length,
        unchanged: results.filter((r) => r.outcome === "unchanged").length,
        duplicates: results.filter((r) => r.outcome === "skipped" && r.why === "duplicate").length,
        missing: results.filter((r) => r.outcome === "skipped" && r.why === "not_found").length,
        results,
      },
    };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.code, fields: error.fields };
    logger.error({ err: error }, "moderation failed");
    return { ok: false, error: "internal" };
  }
}
