"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { IMPORT_KIND_SLUGS, type ImportKindSlug } from "@/lib/imports/import-kinds";
import type { ImportTargets } from "@/lib/imports/imports.queries";

/** Tells the live list to poll at once: a new import is queued. */
export const IMPORTS_CHANGED = "imports:changed";

const ERROR_CODES = ["unsupported_media_type", "payload_too_large", "validation", "not_found", "forbidden"];

/** The upload form: the file goes as the request body, so a 100 MB file is never read into the page. */
export function ImportUpload({ targets }: { targets: ImportTargets }) {
  const t = useTranslations("imports");
  const [kind, setKind] = useState<ImportKindSlug>("clients");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const options =
    kind === "offer-codes"
      ? targets.offers.filter((o) => o.pool)
      : kind === "offer-users"
        ? targets.offers.filter((o) => o.users)
        : kind === "campaign-gtins"
          ? targets.campaigns
          : [];

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setMessage({ ok: false, text: t("errors.validation") });
    const query = new URLSearchParams({ kind });
    const target = String(data.get("target") ?? "");
    if (target) query.set("target", target);
    if (data.get("replace")) query.set("replace", "true");
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch(`/loyalty/imports/upload?${query}`, {
        method: "POST",
        headers: { "content-type": "text/csv", "x-file-name": encodeURIComponent(file.name) },
        body: file,
      });
      if (res.ok) {
        form.reset();
        setMessage({ ok: true, text: t("uploaded") });
        window.dispatchEvent(new Event(IMPORTS_CHANGED));
      } else {
        const code = ((await res.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code ?? "";
        setMessage({ ok: false, text: t(`errors.${ERROR_CODES.includes(code) ? code : "unexpected"}`) });
      }
    } catch {
      setMessage({ ok: false, text: t("errors.unexpected") });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} className={`${ui.card} space-y-4 p-5`} data-testid="import-upload">
      <h2 className="text-base font-semibold text-slate-900">{t("uploadTitle")}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="space-y-1">
          <span className={ui.label}>{t("kind")}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKindSlug)} className={ui.input} data-testid="import-kind">
            {IMPORT_KIND_SLUGS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind !== "clients" ? (
          <label className="space-y-1">
            <span className={ui.label}>{t("target")}</span>
            <select name="target" required className={ui.input} data-testid="import-target" defaultValue="">
              <option value="" disabled>
                {t("targetPlaceholder")}
              </option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {kind === "clients" ? <p className="text-sm text-slate-600">{t("clientsHint")}</p> : null}
      {kind === "offer-codes" || kind === "offer-users" ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="replace" value="true" data-testid="import-replace" />
          {t("replace")}
        </label>
      ) : null}
      <label className="block space-y-1">
        <span className={ui.label}>{t("file")}</span>
        <input name="file" type="file" accept=".csv,.txt,text/csv" className="block text-sm" data-testid="import-file" />
      </label>
      {message ? (
        <p className={message.ok ? ui.alertSuccess : ui.alertError} role={message.ok ? "status" : "alert"} data-testid="import-upload-message">
          {message.text}
        </p>
      ) : null}
      <div className="flex justify-end">
        <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="import-submit">
          {pending ? t("uploading") : t("submit")}
        </button>
      </div>
    </form>
  );
}
