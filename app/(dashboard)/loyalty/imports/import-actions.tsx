"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { cancelImportAction, reverseImportAction } from "@/lib/imports/imports.actions";
import type { ImportView } from "@/lib/imports/imports.queries";

/** Error report download, cancel (queued or running), reverse (a finished clients import, after a confirmation). */
export function ImportActions({ job, onChange }: { job: ImportView; onChange: () => void }) {
  const t = useTranslations("imports");
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const running = job.state === "queued" || job.state === "running";

  const cancel = () =>
    start(async () => {
      const res = await cancelImportAction({ id: job.id });
      setMessage(res.ok ? null : res.error);
      onChange();
    });
  const reverse = () =>
    start(async () => {
      const res = await reverseImportAction({ id: job.id });
      setMessage(res.ok ? t("reverseDone", res.data) : res.error);
      setConfirming(false);
      onChange();
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {job.failed > 0 ? (
        <a href={`/loyalty/imports/${job.id}/errors`} download className={`${ui.buttonSecondary} ${ui.buttonSmall}`} data-testid="import-errors">
          {t("errorsDownload")}
        </a>
      ) : null}
      {running && !job.cancelRequested ? (
        <button type="button" onClick={cancel} disabled={pending} className={`${ui.buttonDanger} ${ui.buttonSmall}`} data-testid="import-cancel">
          {t("cancel")}
        </button>
      ) : null}
      {job.reversible ? (
        <button type="button" onClick={() => setConfirming(true)} disabled={pending} className={`${ui.buttonDanger} ${ui.buttonSmall}`} data-testid="import-reverse">
          {t("reverse")}
        </button>
      ) : null}
      {message ? (
        <p className="w-full text-xs text-slate-700" role="status">
          {message}
        </p>
      ) : null}
      {confirming ? (
        <Modal title={t("reverseConfirmTitle")} onClose={() => setConfirming(false)} testId="import-reverse-dialog">
          <p className="text-sm text-slate-600">{t("reverseConfirmText")}</p>
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={ui.buttonSecondary} onClick={() => setConfirming(false)}>
              {t("close")}
            </button>
            <button type="button" className={ui.buttonDanger} onClick={reverse} disabled={pending} data-testid="import-reverse-confirm">
              {t("confirm")}
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
