"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { formatDateTime } from "@/lib/format/date-format";
import { moderateScansAction } from "@/lib/scans/scans.actions";

export type Decision = "approved" | "denied";

/** Confirms an approval or denial of one or many scans, with a message picked from templates or typed. */
export function ModerationDialog({
  ids,
  versions,
  decision,
  templates,
  onClose,
  onDone,
}: {
  ids: string[];
  /** The versions the page showed: scans someone decided meanwhile are reported, not overturned. */
  versions?: Record<string, number>;
  decision: Decision;
  templates: string[];
  onClose: () => void;
  onDone?: () => void;
}) {
  const t = useTranslations("scans");
  const format = useFormatter();
  const common = useTranslations("common");
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();
  const approving = decision === "approved";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    startTransition(async () => {
      const res = await moderateScansAction({ ids, decision, message, versions });
      if (!res.ok) {
        setError(t.has(`errors.${res.error}`) ? t(`errors.${res.error}` as "errors.internal") : t("errors.internal"));
        return;
      }
      const { changed, unchanged, duplicates, missing, decidedElsewhere } = res.data;
      onDone?.();
      router.refresh();
      if (duplicates || missing || decidedElsewhere.length) {
        // Something was skipped: keep the dialog open so staff see why.
        setNotice([
          t("moderate.done", { changed, unchanged }),
          ...(duplicates ? [t("moderate.duplicates", { count: duplicates })] : []),
          ...(missing ? [t("moderate.missing", { count: missing })] : []),
          ...decidedElsewhere.map((d) =>
            t("quick.decidedElsewhere", {
              who: d.decidedBy ?? t("quick.someone"),
              status: d.status,
              when: d.decidedAt ? formatDateTime(format, d.decidedAt) : "—",
            }),
          ),
        ]);
        return;
      }
      onClose();
    });
  };

  const title = approving ? t("moderate.approveTitle", { count: ids.length }) : t("moderate.denyTitle", { count: ids.length });
  return (
    <Modal title={title} onClose={onClose} testId="moderation-dialog">
      {notice ? (
        <div className="space-y-4">
          <div className={ui.alertSuccess} data-testid="moderation-notice">
            {notice.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div className="flex justify-end">
            <button type="button" className={ui.buttonSecondary} onClick={onClose}>
              {common("close")}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <p className="text-sm text-slate-600">{approving ? t("moderate.approveText") : t("moderate.denyText")}</p>
          <label className="block space-y-1">
            <span className={ui.label}>{t("moderate.template")}</span>
            <select className={ui.input} value={templates.includes(message) ? message : ""} onChange={(e) => setMessage(e.target.value)} data-testid="moderation-template">
              <option value="">{t("moderate.noTemplate")}</option>
              {templates.map((tpl) => (
                <option key={tpl} value={tpl}>
                  {tpl}
                </option>
              ))}
            </select>
          </label>
          <label className="block space-y-1">
            <span className={ui.label}>{t("moderate.message")}</span>
            <textarea className={ui.input} rows={3} maxLength={300} value={message} onChange={(e) => setMessage(e.target.value)} data-testid="moderation-message" />
            <span className="block text-xs text-slate-500">{t("moderate.messageHint")}</span>
          </label>
          {error ? (
            <p className={ui.alertError} role="alert">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={ui.buttonSecondary} onClick={onClose}>
              {common("cancel")}
            </button>
            <button type="submit" className={approving ? ui.buttonPrimary : ui.buttonDanger} disabled={pending} data-testid="moderation-confirm">
              {approving ? t("moderate.confirmApprove") : t("moderate.confirmDeny")}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
