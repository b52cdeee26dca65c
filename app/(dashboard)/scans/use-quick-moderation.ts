"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import { moderateScansAction, type ModerationSummary } from "@/lib/scans/scans.actions";
import { formatDateTime } from "@/lib/format/date-format";
import type { Decision } from "./moderation-dialog";

export type QuickFeedback = { kind: "done" | "conflict" | "error"; text: string };

/**
 * One-click decisions (row buttons, keyboard, "approve and next"): no dialog, the campaign's own texts.
 * Each call carries the version the page showed, so a scan someone else decided meanwhile is not
 * overturned: the moderator is told who decided it instead.
 */
export function useQuickModeration() {
  const t = useTranslations("scans");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<QuickFeedback | null>(null);

  const describe = useCallback(
    (summary: ModerationSummary): QuickFeedback => {
      const other = summary.decidedElsewhere[0];
      if (other) {
        return {
          kind: "conflict",
          text: t("quick.decidedElsewhere", {
            who: other.decidedBy ?? t("quick.someone"),
            status: other.status,
            when: other.decidedAt ? formatDateTime(format, other.decidedAt) : "—",
          }),
        };
      }
      if (summary.duplicates) return { kind: "conflict", text: t("moderate.duplicates", { count: summary.duplicates }) };
      return { kind: "done", text: t("moderate.done", { changed: summary.changed, unchanged: summary.unchanged }) };
    },
    [t, format],
  );

  /** Decides; resolves to true when the decision was recorded (so "and next" may move on). */
  const decide = useCallback(
    (scans: { id: string; version: number }[], decision: Decision, after?: (changed: boolean) => void) => {
      startTransition(async () => {
        const res = await moderateScansAction({
          ids: scans.map((s) => s.id),
          decision,
          versions: Object.fromEntries(scans.map((s) => [s.id, s.version])),
        });
        if (!res.ok) {
          setFeedback({ kind: "error", text: t.has(`errors.${res.error}`) ? t(`errors.${res.error}` as "errors.internal") : t("errors.internal") });
          return;
        }
        const next = describe(res.data);
        setFeedback(next);
        if (after) after(next.kind === "done");
        else router.refresh();
      });
    },
    [describe, router, t],
  );

  return { decide, pending, feedback, setFeedback };
}
