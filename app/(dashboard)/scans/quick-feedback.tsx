"use client";

import { ui } from "@/components/shell/ui-classes";
import type { QuickFeedback } from "./use-quick-moderation";

/** What the last one-click decision did; a decision someone else made first is an alert. */
export function QuickFeedbackLine({ feedback }: { feedback: QuickFeedback | null }) {
  if (!feedback) return <span role="status" aria-live="polite" />;
  if (feedback.kind === "done") {
    return (
      <p role="status" aria-live="polite" className="text-sm text-emerald-700" data-testid="moderation-feedback">
        {feedback.text}
      </p>
    );
  }
  return (
    <p role="alert" className={ui.alertError} data-testid={feedback.kind === "conflict" ? "moderation-conflict" : "moderation-error"}>
      {feedback.text}
    </p>
  );
}
