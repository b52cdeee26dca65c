"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { rotateWebhookKeyAction } from "@/lib/imshop/imshop.actions";

/** The inbound key: its hint, the rotation (new key shown once) and how long the old one still works. */
export function WebhookKeyPanel({ hint, previousUntil }: { hint: string | null; previousUntil: string | null }) {
  const t = useTranslations("settings");
  const common = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState("24");
  const [newKey, setNewKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();

  const rotate = () =>
    start(async () => {
      const res = await rotateWebhookKeyAction({ previousValidHours: hours });
      if (!res.ok) return setError(Object.values(res.fields ?? {})[0] ?? res.error);
      setError(null);
      setNewKey(res.data.key);
      router.refresh();
    });
  const close = () => {
    setOpen(false);
    setNewKey(null); // the key is never shown again
    setCopied(false);
  };

  return (
    <div className="space-y-3 text-sm">
      <p data-testid="inbound-key-hint">{hint ? t("inbound.current", { hint }) : t("inbound.none")}</p>
      {previousUntil ? <p className="text-slate-500">{t("inbound.previousUntil", { until: format.dateTime(new Date(previousUntil), { dateStyle: "medium", timeStyle: "short" }) })}</p> : null}
      <button type="button" className={ui.buttonSecondary} onClick={() => setOpen(true)} data-testid="inbound-key-rotate">
        {t("inbound.rotate")}
      </button>
      {open ? (
        <Modal title={newKey ? t("inbound.newKeyTitle") : t("inbound.rotateTitle")} onClose={close} testId="inbound-key-dialog">
          {newKey ? (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">{t("inbound.newKeyText")}</p>
              <code className="block break-all rounded-md bg-slate-900 p-3 font-mono text-sm text-white" data-testid="inbound-key-new">
                {newKey}
              </code>
              <div className="flex justify-end gap-2">
                <button type="button" className={ui.buttonSecondary} onClick={() => navigator.clipboard?.writeText(newKey).then(() => setCopied(true))}>
                  {copied ? t("inbound.copied") : t("inbound.copy")}
                </button>
                <button type="button" className={ui.buttonPrimary} onClick={close}>
                  {common("close")}
                </button>
              </div>
            </div>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">{t("inbound.rotateText")}</p>
              <label htmlFor="previous-valid-hours" className={ui.label}>
                {t("fields.previousValidHours")}
              </label>
              <input id="previous-valid-hours" type="number" min={0} max={720} value={hours} onChange={(e) => setHours(e.target.value)} className={ui.input} />
              {error ? (
                <p role="alert" className={ui.alertError}>
                  {error}
                </p>
              ) : null}
              <div className="flex justify-end gap-2">
                <button type="button" className={ui.buttonSecondary} onClick={close}>
                  {common("cancel")}
                </button>
                <button type="button" className={ui.buttonPrimary} disabled={pending} onClick={rotate} data-testid="inbound-key-rotate-confirm">
                  {common("confirm")}
                </button>
              </div>
            </div>
          )}
        </Modal>
      ) : null}
    </div>
  );
}
