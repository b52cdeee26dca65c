"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { changeOrderStatusAction } from "@/lib/orders/orders.actions";
import type { StatusOption } from "@/lib/orders/orders.queries";

type Props = { orderId: string; currentCode: string; currentFinal: boolean; currentLabel: string; statuses: StatusOption[] };

/** Staff pick a status from the list (never a free code), optionally with the buyer's text and a tracking link. */
export function ChangeStatusForm({ orderId, currentCode, currentFinal, currentLabel, statuses }: Props) {
  const t = useTranslations("orders");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [code, setCode] = useState(statuses.find((s) => s.code !== currentCode)?.code ?? currentCode);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const selected = statuses.find((s) => s.code === code);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setError(null);
    setDone(null);
    startTransition(async () => {
      const result = await changeOrderStatusAction({
        orderId,
        code,
        message: String(form.get("message") ?? ""),
        trackingUrl: String(form.get("trackingUrl") ?? ""),
      });
      if (!result.ok) {
        setError({ message: result.error, fields: result.fields ?? {} });
        return;
      }
      setDone(result.data.changed ? t("change.done") : t("change.unchanged"));
      formEl.reset();
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="change-status-form">
      {currentFinal ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="final-status-note">
          {t("change.finalNote", { status: currentLabel })}
        </p>
      ) : null}
      {error ? (
        <div role="alert" className={ui.alertError} data-testid="change-status-error">
          {error.message}
        </div>
      ) : null}
      {done ? (
        <div role="status" className={ui.alertSuccess} data-testid="change-status-done">
          {done}
        </div>
      ) : null}
      <div>
        <label htmlFor="status-code" className={ui.label}>
          {t("change.status")}
        </label>
        <select
          id="status-code"
          name="code"
          className={`${ui.input} mt-1.5`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={!!error?.fields.code}
          data-testid="change-status-code"
        >
          {statuses.map((s) => (
            <option key={s.code} value={s.code}>
              {s.description} ({s.code}){s.code === currentCode ? ` — ${t("change.current")}` : ""}
            </option>
          ))}
        </select>
        {error?.fields.code ? <p className={ui.fieldError}>{error.fields.code}</p> : null}
      </div>
      <div>
        <label htmlFor="status-message" className={ui.label}>
          {t("change.message")}
        </label>
        <textarea
          id="status-message"
          name="message"
          rows={2}
          maxLength={1000}
          placeholder={selected?.buyerText}
          className={`${ui.input} mt-1.5`}
          data-testid="change-status-message"
        />
        <p className="mt-1 text-xs text-slate-500">{t("change.messageHint")}</p>
        {error?.fields.message ? <p className={ui.fieldError}>{error.fields.message}</p> : null}
      </div>
      <div>
        <label htmlFor="status-tracking" className={ui.label}>
          {t("change.trackingUrl")}
        </label>
        <input
          id="status-tracking"
          name="trackingUrl"
          type="url"
          maxLength={2000}
          placeholder="https://"
          className={`${ui.input} mt-1.5`}
          aria-invalid={!!error?.fields.trackingUrl}
          data-testid="change-status-tracking"
        />
        {error?.fields.trackingUrl ? <p className={ui.fieldError}>{error.fields.trackingUrl}</p> : null}
      </div>
      <button type="submit" className={ui.buttonPrimary} disabled={pending || statuses.length === 0} data-testid="change-status-submit">
        {pending ? t("change.saving") : t("change.submit")}
      </button>
    </form>
  );
}
