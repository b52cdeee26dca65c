"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import type { ApiKeyRow } from "@/lib/api-keys/api-keys.queries";
import { createApiKeyAction, updateApiKeyAction } from "@/lib/api-keys/api-keys.actions";
import { API_KEY_SCOPES } from "@/lib/api-keys/api-keys.schema";
import type { Option } from "@/lib/loyalty/loyalty.queries";
import { Field, FormButtons, FormError, useActionSubmit } from "../loyalty/form-bits";

/** Creates a key (then shows its value, once) or edits a key's name and points. */
export function ApiKeyForm({ apiKey, points, onClose }: { apiKey: ApiKeyRow | null; points: Option[]; onClose: () => void }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const [issued, setIssued] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useActionSubmit<{ key: string }>((data) => setIssued(data.key), ["name", "scopes", "pointIds", "rateLimitPerMinute"]);
  const update = useActionSubmit(onClose, ["name", "pointIds", "rateLimitPerMinute"]);
  const { pending, fields, error } = apiKey ? update : create;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const name = String(form.get("name") ?? "");
    const pointIds = form.getAll("pointIds").map(String);
    const rateLimitPerMinute = String(form.get("rateLimitPerMinute") ?? "").trim();
    if (apiKey) update.submit(() => updateApiKeyAction({ id: apiKey.id, name, pointIds, rateLimitPerMinute }));
    else create.submit(() => createApiKeyAction({ name, pointIds, rateLimitPerMinute, scopes: form.getAll("scopes").map(String) }));
  };

  if (issued) {
    return (
      <div className="space-y-4" data-testid="apikey-issued">
        <p className={ui.alertSuccess}>{t("apiKeys.issued")}</p>
        <input readOnly value={issued} className={`${ui.input} font-mono`} data-testid="apikey-value" onFocus={(e) => e.currentTarget.select()} />
        <div className="flex justify-end gap-2">
          <button
            type="button"
            className={ui.buttonSecondary}
            onClick={() => navigator.clipboard?.writeText(issued).then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
          </button>
          <button type="button" className={ui.buttonPrimary} onClick={onClose} data-testid="apikey-issued-close">
            {common("close")}
          </button>
        </div>
      </div>
    );
  }

  const selected = new Set(apiKey?.points.map((p) => p.id) ?? []);
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="apikey-form">
      <FormError error={error} />
      <Field id="apikey-name" label={t("apiKeys.name")} error={fields.name} hint={t("apiKeys.nameHint")}>
        <input id="apikey-name" name="name" required maxLength={100} defaultValue={apiKey?.name} className={ui.input} />
      </Field>
      {apiKey ? null : (
        <fieldset>
          <legend className={ui.label}>{t("apiKeys.scopes")}</legend>
          <div className="mt-1.5 flex flex-wrap gap-4">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "loyalty"} data-testid={`apikey-scope-${scope}`} />
                {t(`apiKeys.scopeNames.${scope}`)}
              </label>
            ))}
          </div>
          {fields.scopes ? <p className={ui.fieldError}>{fields.scopes}</p> : null}
        </fieldset>
      )}
      <fieldset>
        <legend className={ui.label}>{t("apiKeys.points")}</legend>
        <p className="text-xs text-slate-500">{t("apiKeys.pointsHint")}</p>
        <div className="mt-1.5 max-h-48 space-y-1 overflow-y-auto">
          {points.map((p) => (
            <label key={p.value} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="pointIds" value={p.value} defaultChecked={selected.has(p.value)} data-testid={`apikey-point-${p.value}`} />
              {p.label}
            </label>
          ))}
        </div>
        {fields.pointIds ? <p className={ui.fieldError}>{fields.pointIds}</p> : null}
      </fieldset>
      <Field id="apikey-rate-limit" label={t("apiKeys.rateLimit")} error={fields.rateLimitPerMinute} hint={t("apiKeys.rateLimitHint")}>
        <input
          id="apikey-rate-limit"
          name="rateLimitPerMinute"
          type="number"
          min={1}
          max={100000}
          defaultValue={apiKey?.rateLimitPerMinute ?? ""}
          className={ui.input}
          data-testid="apikey-rate-limit"
        />
      </Field>
      <FormButtons pending={pending} onCancel={onClose} submitLabel={apiKey ? common("save") : t("apiKeys.create")} cancelLabel={common("cancel")} />
    </form>
  );
}
