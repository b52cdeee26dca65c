"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ui } from "@/components/shell/ui-classes";
import { nextWaitingScanAction } from "@/lib/scans/scans.actions";
import type { ScanStatus } from "@/lib/scans/scans.schema";
import { ModerationDialog, type Decision } from "../moderation-dialog";
import { QuickFeedbackLine } from "../quick-feedback";
import { useQuickModeration } from "../use-quick-moderation";

/**
 * Approve / Deny for one scan (the button for its current status is hidden), and for a waiting scan
 * "approve and next" / "deny and next": the campaign's texts, then straight to the next waiting scan.
 */
export function ScanModerationButtons({
  id,
  status,
  version,
  templates,
}: {
  id: string;
  status: ScanStatus;
  version: number;
  templates: Record<Decision, string[]>;
}) {
  const t = useTranslations("scans");
  const router = useRouter();
  const [decision, setDecision] = useState<Decision | null>(null);
  const { decide, pending, feedback, setFeedback } = useQuickModeration();
  const [moving, startMoving] = useTransition();

  const decideAndNext = (d: Decision) =>
    decide([{ id, version }], d, (changed) => {
      if (!changed) return router.refresh();
      startMoving(async () => {
        const next = await nextWaitingScanAction({ afterId: id });
        if (next.ok && next.data) router.push(`/scans/${next.data}`);
        else {
          setFeedback({ kind: "done", text: t("quick.queueEmpty") });
          router.refresh();
        }
      });
    });

  const busy = pending || moving;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {status === "processing" ? (
          <>
            <button type="button" className={ui.buttonPrimary} disabled={busy} onClick={() => decideAndNext("approved")} data-testid="scan-approve-next">
              {t("quick.approveNext")}
            </button>
            <button type="button" className={ui.buttonDanger} disabled={busy} onClick={() => decideAndNext("denied")} data-testid="scan-deny-next">
              {t("quick.denyNext")}
            </button>
          </>
        ) : null}
        {status !== "approved" ? (
          <button type="button" className={ui.buttonSecondary} onClick={() => setDecision("approved")} data-testid="scan-approve">
            {t("approve")}
          </button>
        ) : null}
        {status !== "denied" ? (
          <button type="button" className={ui.buttonDanger} onClick={() => setDecision("denied")} data-testid="scan-deny">
            {t("deny")}
          </button>
        ) : null}
      </div>
      <QuickFeedbackLine feedback={feedback} />
      {decision ? (
        <ModerationDialog ids={[id]} versions={{ [id]: version }} decision={decision} templates={templates[decision]} onClose={() => setDecision(null)} />
      ) : null}
    </div>
  );
}
