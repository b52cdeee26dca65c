"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { ui } from "@/components/shell/ui-classes";
import { createCampaignAction, updateCampaignAction } from "@/lib/campaigns/campaigns.actions";
import { CAMPAIGN_TEXT_OUTCOMES, TEXT_FIELDS, TEXT_LOCALES, type CampaignTexts } from "@/lib/campaigns/campaigns.schema";
import { DEFAULT_SCAN_TEXTS } from "@/lib/scans/scan-texts";
import { displayGtin } from "@/lib/barcode/gtin";

export type CampaignFormValues = {
  name: string;
  startsOn: string;
  endsOn: string | null;
  bonusPoints: number;
  autoApprove: boolean;
  perUserDailyLimit: number | null;
  active: boolean;
  gtins: string[];
  texts: CampaignTexts;
};

type TextsState = Record<string, string>;
const textKey = (o: string, l: string, f: string) => `${o}.${l}.${f}`;

/** Create or edit a campaign; read-only for staff. */
export function CampaignForm({ id, initial, readOnly = false }: { id?: string; initial: CampaignFormValues; readOnly?: boolean }) {
  const t = useTranslations("campaigns");
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [texts, setTexts] = useState<TextsState>(() => {
    const out: TextsState = {};
    for (const o of CAMPAIGN_TEXT_OUTCOMES)
      for (const l of TEXT_LOCALES) for (const f of TEXT_FIELDS) out[textKey(o, l, f)] = initial.texts[o]?.[l]?.[f] ?? "";
    return out;
  });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const nested: Record<string, Record<string, Record<string, string>>> = {};
    for (const [key, value] of Object.entries(texts)) {
      const [o, l, f] = key.split(".");
      ((nested[o] ??= {})[l] ??= {})[f] = value;
    }
    const campaign = {
      name: String(form.get("name") ?? ""),
      startsOn: String(form.get("startsOn") ?? ""),
      endsOn: String(form.get("endsOn") ?? "") || null,
      bonusPoints: String(form.get("bonusPoints") ?? ""),
      autoApprove: form.get("autoApprove") === "on",
      perUserDailyLimit: String(form.get("perUserDailyLimit") ?? ""),
      active: form.get("active") === "on",
      gtins: String(form.get("gtins") ?? "").split(/[\s,;]+/).filter(Boolean),
      texts: nested,
    };
    setSaved(false);
    startTransition(async () => {
      const res = id ? await updateCampaignAction({ id, campaign }) : await createCampaignAction(campaign);
      if (!res.ok) {
        setFields(res.fields ?? {});
        setError(t.has(`errors.${res.error}`) ? t(`errors.${res.error}` as "errors.internal") : t("errors.internal"));
        return;
      }
      setFields({});
      setError(null);
      if (id) {
        setSaved(true);
        router.refresh();
      } else router.push(`/campaigns/${res.data.id}`);
    });
  };

  // Field errors for GTINs come per index ("gtins.3"); show them all under the list.
  const gtinErrors = Object.entries(fields).filter(([k]) => k === "gtins" || k.startsWith("gtins."));
  const field = (name: string, label: string, input: ReactNode, hint?: string) => (
    <label className="block space-y-1">
      <span className={ui.label}>{label}</span>
      {input}
      {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      {fields[name] ? (
        <span className={ui.fieldError} data-testid={`error-${name}`}>
          {fields[name]}
        </span>
      ) : null}
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-6" data-testid="campaign-form">
      <fieldset disabled={readOnly || pending} className="space-y-6">
        <section className={`${ui.card} grid grid-cols-1 gap-4 p-5 md:grid-cols-2`}>
          <div className="md:col-span-2">{field("name", t("fields.name"), <input name="name" className={ui.input} defaultValue={initial.name} required maxLength={200} />)}</div>
          {field("startsOn", t("fields.startsOn"), <input type="date" name="startsOn" className={ui.input} defaultValue={initial.startsOn} required />)}
          {field("endsOn", t("fields.endsOn"), <input type="date" name="endsOn" className={ui.input} defaultValue={initial.endsOn ?? ""} />)}
          {field("bonusPoints", t("fields.bonusPoints"), <input type="number" min={0} step={1} name="bonusPoints" className={ui.input} defaultValue={initial.bonusPoints} required />)}
          {field(
            "perUserDailyLimit",
            t("fields.perUserDailyLimit"),
            <input type="number" min={1} step={1} name="perUserDailyLimit" className={ui.input} defaultValue={initial.perUserDailyLimit ?? ""} />,
            t("fields.perUserDailyLimitHint"),
          )}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="autoApprove" defaultChecked={initial.autoApprove} className="mt-0.5" />
            <span>
              <span className="font-medium text-slate-700">{t("fields.autoApprove")}</span>
              <span className="block text-xs text-slate-500">{t("fields.autoApproveHint")}</span>
            </span>
          </label>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="active" defaultChecked={initial.active} />
            {t("fields.active")}
          </label>
        </section>

        <section className={`${ui.card} p-5`}>
          <label className="block space-y-1">
            <span className={ui.label}>{t("fields.gtins")}</span>
            <textarea name="gtins" rows={8} className={`${ui.input} font-mono`} defaultValue={initial.gtins.map(displayGtin).join("\n")} data-testid="campaign-gtins" />
            <span className="block text-xs text-slate-500">{t("fields.gtinsHint")}</span>
          </label>
          {gtinErrors.length ? (
            <ul className="mt-2 space-y-0.5" data-testid="error-gtins">
              {gtinErrors.map(([k, v]) => (
                <li key={k} className={ui.fieldError}>
                  {v}
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section className={`${ui.card} space-y-3 p-5`}>
          <div>
            <h2 className="text-sm font-semibold text-slate-900">{t("fields.texts")}</h2>
            <p className="text-xs text-slate-500">{t("fields.textsHint")}</p>
          </div>
          {CAMPAIGN_TEXT_OUTCOMES.map((o) => (
            <details key={o} className="rounded-lg border border-slate-200 px-4 py-2" open={TEXT_LOCALES.some((l) => TEXT_FIELDS.some((f) => texts[textKey(o, l, f)]))}>
              <summary className="cursor-pointer text-sm font-medium text-slate-800" data-testid={`texts-${o}`}>
                {t(`outcomes.${o}`)}
              </summary>
              <div className="mt-3 grid grid-cols-1 gap-4 pb-2 lg:grid-cols-2">
                {TEXT_LOCALES.map((l) => (
                  <div key={l} className="space-y-2">
                    <p className="text-xs font-semibold uppercase tracking-wider text-slate-500">{t(`locales.${l}`)}</p>
                    {TEXT_FIELDS.map((f) => {
                      const key = textKey(o, l, f);
                      const errorKey = `texts.${key}`;
                      return (
                        <label key={f} className="block space-y-1">
                          <span className="text-xs text-slate-600">{t(`fields.${f}`)}</span>
                          <input
                            className={ui.input}
                            value={texts[key]}
                            placeholder={DEFAULT_SCAN_TEXTS[l][o][f]}
                            onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
                            aria-invalid={!!fields[errorKey]}
                            data-testid={`text-${key}`}
                          />
                          {fields[errorKey] ? <span className={ui.fieldError}>{fields[errorKey]}</span> : null}
                        </label>
                      );
                    })}
                  </div>
                ))}
              </div>
            </details>
          ))}
        </section>
      </fieldset>

      {error ? (
        <p className={ui.alertError} role="alert">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p className={ui.alertSuccess} data-testid="campaign-saved">
          {t("saved")}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="flex justify-end gap-2">
          <button type="button" className={ui.buttonSecondary} onClick={() => router.push("/campaigns")}>
            {common("cancel")}
          </button>
          <button type="submit" className={ui.buttonPrimary} disabled={pending} data-testid="campaign-save">
            {id ? common("save") : common("create")}
          </button>
        </div>
      )}
    </form>
  );
}
