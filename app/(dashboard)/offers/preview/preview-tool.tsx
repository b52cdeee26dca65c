"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { Badge } from "@/components/shell/badge";
import { previewOffersAction } from "@/lib/offers/offers.actions";
import type { PreviewResult } from "@/lib/offers/preview-offers";

/** One segment per line: "ID" or "ID; name" (IMSHOP sends both, the name only labels it). */
function parseSegments(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [id, ...name] = line.split(/[;\t]/);
      return { id: id.trim(), name: name.join(";").trim() || id.trim() };
    });
}

export function PreviewTool() {
  const t = useTranslations("offers");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = { userId: String(data.get("userId") ?? ""), segments: parseSegments(String(data.get("segments") ?? "")) };
    startTransition(async () => {
      const res = await previewOffersAction(input);
      if (!res.ok) {
        setResult(null);
        setError(Object.values(res.fields ?? {})[0] ?? res.error);
        return;
      }
      setError(null);
      setResult(res.data);
    });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <form onSubmit={submit} className={`${ui.card} space-y-4 self-start p-5`} data-testid="preview-form">
        <div>
          <label htmlFor="preview-user" className={ui.label}>
            {t("preview.userId")}
          </label>
          <input id="preview-user" name="userId" required maxLength={200} className={`${ui.input} mt-1.5 font-mono`} data-testid="preview-user" />
        </div>
        <div>
          <label htmlFor="preview-segments" className={ui.label}>
            {t("preview.segments")}
          </label>
          <textarea id="preview-segments" name="segments" rows={5} className={`${ui.input} mt-1.5 font-mono text-xs`} placeholder={t("preview.segmentsPlaceholder")} data-testid="preview-segments" />
          <p className="mt-1 text-xs text-slate-500">{t("preview.segmentsHint")}</p>
        </div>
        {error ? (
          <p role="alert" className={ui.alertError}>
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="preview-submit">
          {t("preview.submit")}
        </button>
        <p className="text-xs text-slate-500">{t("preview.dryRun")}</p>
      </form>
      {result ? (
        <div className="space-y-6 lg:col-span-2">
          <section className={`${ui.card} space-y-2 p-5`}>
            <h2 className="text-base font-semibold">{t("preview.response", { count: result.response.offers.length })}</h2>
            {result.examplePoolCodes.length ? <p className="text-xs text-amber-700">{t("preview.examplePoolCodes", { ids: result.examplePoolCodes.join(", ") })}</p> : null}
            <pre tabIndex={0} className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="preview-json">
              {JSON.stringify(result.response, null, 2)}
            </pre>
          </section>
          <section className={`${ui.card} space-y-2 p-5`} data-testid="preview-excluded">
            <h2 className="text-base font-semibold">{t("preview.excluded", { count: result.excluded.length })}</h2>
            {result.excluded.length === 0 ? <p className="text-sm text-slate-500">{t("preview.noneExcluded")}</p> : null}
            <ul className="divide-y divide-slate-100 text-sm">
              {result.excluded.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5" data-testid="preview-excluded-row" data-offer-id={o.id}>
                  <span>
                    <Link href={`/offers/${encodeURIComponent(o.id)}`} className="font-mono text-xs text-brand-600 hover:underline">
                      {o.id}
                    </Link>{" "}
                    {o.name}
                  </span>
                  <span className="flex flex-wrap gap-1">
                    {o.reasons.map((r) => (
                      <Badge key={r} tone={r === "notTargeted" ? "gray" : "amber"}>
                        {t(`reasons.${r}`)}
                      </Badge>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
    </div>
  );
}
