"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { saveOrderStatusAction } from "@/lib/orders/orders.actions";

export type StatusDraft = {
  code: string;
  description: string;
  buyerText: string;
  imshopStatus: string;
  cancellable: boolean;
  final: boolean;
  cancelTargetCode: string;
  sortOrder: number;
};

type Props = {
  mode: "create" | "update";
  initial: StatusDraft;
  others: { code: string; description: string; final: boolean }[];
  imshopStatuses: string[];
  onDone: () => void;
};

/** One status and its IMSHOP mapping. The code is fixed once created: orders and pushes refer to it. */
export function StatusForm({ mode, initial, others, imshopStatuses, onDone }: Props) {
  const t = useTranslations("orders");
  const common = useTranslations("common");
  const listId = useId();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof StatusDraft>(k: K, v: StatusDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    startTransition(async () => {
      const res = await saveOrderStatusAction({ mode, status: draft });
      if (!res.ok) setError({ message: res.error, fields: res.fields ?? {} });
      else onDone();
    });
  }

  const fieldError = (name: string) => (error?.fields[name] ? <p className={ui.fieldError} data-testid={`status-error-${name}`}>{error.fields[name]}</p> : null);
  const text = (name: "code" | "description" | "buyerText", max: number, extra: { readOnly?: boolean; hint?: string } = {}) => (
    <div>
      <label htmlFor={`${listId}-${name}`} className={ui.label}>
        {t(`statuses.columns.${name}`)}
      </label>
      <input
        id={`${listId}-${name}`}
        name={name}
        required
        maxLength={max}
        readOnly={extra.readOnly}
        value={draft[name]}
        onChange={(e) => set(name, e.target.value)}
        className={`${ui.input} mt-1.5 read-only:bg-slate-50 read-only:text-slate-500`}
        aria-invalid={!!error?.fields[name]}
        data-testid={`status-field-${name}`}
      />
      {extra.hint ? <p className="mt-1 text-xs text-slate-500">{extra.hint}</p> : null}
      {fieldError(name)}
    </div>
  );

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="status-form">
      {error ? (
        <div role="alert" className={ui.alertError}>
          {error.message}
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("code", 64, { readOnly: mode === "update", hint: mode === "update" ? t("statuses.codeFixed") : t("statuses.codeHint") })}
        {text("description", 200)}
      </div>
      {text("buyerText", 200, { hint: t("statuses.buyerTextHint") })}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${listId}-imshop`} className={ui.label}>
            {t("statuses.columns.imshopStatus")}
          </label>
          <input
            id={`${listId}-imshop`}
            name="imshopStatus"
            list={`${listId}-imshop-list`}
            maxLength={64}
            value={draft.imshopStatus}
            onChange={(e) => set("imshopStatus", e.target.value)}
            className={`${ui.input} mt-1.5 font-mono`}
            data-testid="status-field-imshopStatus"
          />
          <datalist id={`${listId}-imshop-list`}>
            {imshopStatuses.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <p className="mt-1 text-xs text-slate-500">{t("statuses.imshopHint")}</p>
          {fieldError("imshopStatus")}
        </div>
        <div>
          <label htmlFor={`${listId}-sort`} className={ui.label}>
            {t("statuses.sortOrder")}
          </label>
          <input
            id={`${listId}-sort`}
            name="sortOrder"
            type="number"
            step={1}
            value={draft.sortOrder}
            onChange={(e) => set("sortOrder", Number(e.target.value))}
            className={`${ui.input} mt-1.5`}
          />
          {fieldError("sortOrder")}
        </div>
      </div>
      <fieldset className="space-y-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={draft.final} onChange={(e) => set("final", e.target.checked)} data-testid="status-field-final" />
          {t("statuses.finalLabel")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={draft.cancellable} onChange={(e) => set("cancellable", e.target.checked)} data-testid="status-field-cancellable" />
          {t("statuses.cancellableLabel")}
        </label>
        {fieldError("cancellable")}
      </fieldset>
      <div>
        <label htmlFor={`${listId}-target`} className={ui.label}>
          {t("statuses.columns.cancelTarget")}
        </label>
        <select
          id={`${listId}-target`}
          name="cancelTargetCode"
          value={draft.cancelTargetCode}
          onChange={(e) => set("cancelTargetCode", e.target.value)}
          className={`${ui.input} mt-1.5`}
          aria-invalid={!!error?.fields.cancelTargetCode}
          data-testid="status-field-cancelTargetCode"
        >
          <option value="">—</option>
          {others.map((o) => (
            <option key={o.code} value={o.code}>
              {o.description} ({o.code}){o.final ? ` · ${t("statuses.finalMark")}` : ""}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">{t("statuses.cancelTargetHint")}</p>
        {fieldError("cancelTargetCode")}
      </div>
      <div className="flex justify-end gap-2 pt-2">
        <button type="submit" className={ui.buttonPrimary} disabled={pending} data-testid="status-save">
          {common("save")}
        </button>
      </div>
    </form>
  );
}
