"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { importCampaignGtinsAction } from "@/lib/campaigns/campaigns.actions";
import type { GtinImportResult } from "@/lib/campaigns/import-campaign-gtins";

/** Adds GTINs from a CSV file (read in the browser, sent as text) and lists the lines it could not use. */
export function GtinImport({ id }: { id: string }) {
  const t = useTranslations("campaigns");
  const v = useTranslations("validation");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<GtinImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return;
    startTransition(async () => {
      const csv = await file.text();
      const res = await importCampaignGtinsAction({ id, csv });
      if (!res.ok) {
        setResult(null);
        setError(res.fields?.csv ?? (t.has(`errors.${res.error}`) ? t(`errors.${res.error}` as "errors.internal") : t("errors.internal")));
        return;
      }
      setError(null);
      setResult(res.data);
      router.refresh();
    });
  };

  return (
    <section className={`${ui.card} space-y-3 p-5`} data-testid="gtin-import">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">{t("import.title")}</h2>
        <p className="text-xs text-slate-500">{t("import.hint")}</p>
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <label className="space-y-1">
          <span className={ui.label}>{t("import.file")}</span>
          <input type="file" name="file" accept=".csv,.txt,text/csv,text/plain" className="block text-sm" data-testid="gtin-import-file" />
        </label>
        <button type="submit" className={ui.buttonSecondary} disabled={pending} data-testid="gtin-import-submit">
          {t("import.submit")}
        </button>
      </form>
      {error ? <p className={ui.alertError}>{error}</p> : null}
      {result ? (
        <div className="space-y-2 text-sm" data-testid="gtin-import-result">
          <p className={ui.alertSuccess}>{t("import.result", { added: result.added, already: result.alreadyListed, lines: result.lines })}</p>
          {result.problems.length ? (
            <div>
              <p className="font-medium text-red-800">{t("import.problems", { count: result.problems.length })}</p>
              <ul className="mt-1 max-h-60 overflow-auto text-xs text-red-700">
                {result.problems.map((p) => (
                  <li key={p.line}>{t("import.line", { line: p.line, error: v(p.problem.key, p.problem.values) })}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
