"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ui } from "@/components/shell/ui-classes";
import type { ScanStatus } from "@/lib/scans/scans.schema";
import { ModerationDialog, type Decision } from "../moderation-dialog";

/** Approve / Deny for one scan; the button for its current status is hidden. */
export function ScanModerationButtons({ id, status, templates }: { id: string; status: ScanStatus; templates: Record<Decision, string[]> }) {
  const t = useTranslations("scans");
  const [decision, setDecision] = useState<Decision | null>(null);
  return (
    <>
      {status !== "approved" ? (
        <button type="button" className={ui.buttonPrimary} onClick={() => setDecision("approved")} data-testid="scan-approve">
          {t("approve")}
        </button>
      ) : null}
      {status !== "denied" ? (
        <button type="button" className={ui.buttonDanger} onClick={() => setDecision("denied")} data-testid="scan-deny">
          {t("deny")}
        </button>
      ) : null}
      {decision ? <ModerationDialog ids={[id]} decision={decision} templates={templates[decision]} onClose={() => setDecision(null)} /> : null}
    </>
  );
}
