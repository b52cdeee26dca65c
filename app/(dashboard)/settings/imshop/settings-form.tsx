"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { ui } from "@/components/shell/ui-classes";
import { updateImshopSettingsAction } from "@/lib/imshop/imshop.actions";
import type { ImshopSettingsView } from "@/lib/imshop/imshop.queries";
import { IMSHOP_DURATION_FIELDS, durationForForm, type ImshopDurationField } from "@/lib/imshop/settings.schema";

const COUNT_FIELDS = ["maxAttempts", "circuitFailureThreshold", "deliveryLogRetentionDays"] as const;
// Durations are shown and typed in seconds or minutes; the stored milliseconds never reach the merchant.
const DURATION_FIELDS = Object.keys(IMSHOP_DURATION_FIELDS) as ImshopDurationField[];

export function SettingsForm({ initial }: { initial: ImshopSettingsView }) {
  const t = useTranslations("settings");
  const units = useTranslations("ui.settingsUnits");
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      scanStatusUrl: text("scanStatusUrl"),
      orderStatusUrl: text("orderStatusUrl"),
      outboundKey: text("outboundKey"),
      clearOutboundKey: form.get("clearOutboundKey") === "on",
      outboundKeyHeader: text("outboundKeyHeader"),
      allowedIps: text("allowedIps"),
      ...Object.fromEntries([...COUNT_FIELDS, ...DURATION_FIELDS].map((n) => [n, text(n)])),
    };
    start(async () => {
      const res = await updateImshopSettingsAction(input);
      if (!res.ok) {
        // allowedIps errors arrive per entry (allowedIps.2): shown on the field.
        const byField: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.fields ?? {})) byField[k.split(".")[0]] ??= v;
        setFields(byField);
        setMessage({ ok: false, text: res.error });
        return;
      }
      setFields({});
      setMessage({ ok: true, text: t("saved") });
      setFormKey((k) => k + 1); // clears the write-only key field
      router.refresh();
    });
  };

  const label = (name: string) => (name in IMSHOP_DURATION_FIELDS ? units(`fields.${name as ImshopDurationField}`) : t(`fields.${name}`));
  const field = (name: string, input: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`imshop-${name}`} className={ui.label}>
        {label(name)}
      </label>
      <div className="mt-1.5">{input}</div>
      {fields[name] ? (
        <p className={ui.fieldError} data-testid={`settings-error-${name}`}>
          {fields[name]}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
  const textInput = (name: string, value: string, extra: Record<string, unknown> = {}) => (
    <input id={`imshop-${name}`} name={name} defaultValue={value} aria-invalid={!!fields[name]} className={ui.input} autoComplete="off" {...extra} />
  );
  const numberInput = (name: (typeof COUNT_FIELDS)[number]) => textInput(name, String(initial[name]), { type: "number", inputMode: "numeric" });
  const durationInput = (name: ImshopDurationField) =>
    textInput(name, String(durationForForm(initial[IMSHOP_DURATION_FIELDS[name].stored], name)), { type: "number", inputMode: "decimal", step: "any", min: 0 });
  const section = (title: string, children: ReactNode, hint?: string) => (
    <fieldset className="space-y-4 border-t border-slate-100 pt-5 first:border-t-0 first:pt-0">
      <legend className="mb-1 text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="-mt-2 text-xs text-slate-500">{hint}</p> : null}
      {children}
    </fieldset>
  );

  return (
    <form key={formKey} onSubmit={submit} className={`${ui.card} space-y-6 p-5`} data-testid="imshop-settings-form">
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? ui.alertSuccess : ui.alertError} data-testid="imshop-settings-message">
          {message.text}
        </p>
      ) : null}
      {section(
        t("sections.endpoints"),
        <>
          {field("scanStatusUrl", textInput("scanStatusUrl", initial.scanStatusUrl, { type: "url", placeholder: "https://" }), t("hints.scanStatusUrl"))}
          {field("orderStatusUrl", textInput("orderStatusUrl", initial.orderStatusUrl, { type: "url", placeholder: "https://" }), t("hints.orderStatusUrl"))}
        </>,
      )}
      {section(
        t("sections.outbound"),
        <>
          <p className="text-sm text-slate-700" data-testid="outbound-key-hint">
            {initial.outboundKeyHint ? t("hints.storedKey", { hint: initial.outboundKeyHint }) : t("hints.noKey")}
          </p>
          {field("outboundKey", textInput("outboundKey", "", { type: "password", autoComplete: "new-password" }), t("hints.outboundKey"))}
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="clearOutboundKey" className="h-4 w-4 rounded border-slate-300" />
            {t("fields.clearOutboundKey")}
          </label>
          {field("outboundKeyHeader", textInput("outboundKeyHeader", initial.outboundKeyHeader), t("hints.outboundKeyHeader"))}
        </>,
      )}
      {section(
        t("sections.access"),
        field(
          "allowedIps",
          <textarea id="imshop-allowedIps" name="allowedIps" rows={3} defaultValue={initial.allowedIps} aria-invalid={!!fields.allowedIps} className={`${ui.input} font-mono`} />,
          t("hints.allowedIps"),
        ),
      )}
      {section(
        t("sections.retries"),
        <div className="grid gap-4 sm:grid-cols-2">
          {field("timeoutSeconds", durationInput("timeoutSeconds"), units("hints.timeoutSeconds"))}
          {field("maxAttempts", numberInput("maxAttempts"), t("hints.maxAttempts"))}
          {field("backoffBaseSeconds", durationInput("backoffBaseSeconds"))}
          {field("backoffMaxMinutes", durationInput("backoffMaxMinutes"))}
        </div>,
        t("hints.backoff"),
      )}
      {section(
        t("sections.circuit"),
        <div className="grid gap-4 sm:grid-cols-2">
          {field("circuitFailureThreshold", numberInput("circuitFailureThreshold"))}
          {field("circuitProbeAfterSeconds", durationInput("circuitProbeAfterSeconds"))}
        </div>,
        t("hints.circuit"),
      )}
      {section(t("sections.retention"), field("deliveryLogRetentionDays", numberInput("deliveryLogRetentionDays"), t("hints.retention")))}
      <div className="flex justify-end border-t border-slate-100 pt-5">
        <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="imshop-settings-save">
          {common("save")}
        </button>
      </div>
    </form>
  );
}
