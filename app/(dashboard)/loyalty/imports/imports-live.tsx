"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Badge, type BadgeTone } from "@/components/shell/badge";
import { ui } from "@/components/shell/ui-classes";
import type { ImportView } from "@/lib/imports/imports.queries";
import { ImportActions } from "./import-actions";
import { IMPORTS_CHANGED } from "./import-upload";

const POLL_MS = 1000;
const TONE: Record<ImportView["state"], BadgeTone> = { queued: "gray", running: "blue", done: "green", failed: "red", cancelled: "amber" };
const active = (list: ImportView[]) => list.some((i) => i.state === "queued" || i.state === "running");

/**
 * The imports with their progress. While one is queued or running the list polls the server every
 * second; the state lives in the database, so a reload shows the same progress and keeps polling.
 */
export function ImportsLive({ initial }: { initial: ImportView[] }) {
  const t = useTranslations("imports");
  const [imports, setImports] = useState(initial);

  const refresh = useCallback(async () => {
    const res = await fetch("/loyalty/imports/recent", { cache: "no-store" }).catch(() => null);
    if (res?.ok) setImports(((await res.json()) as { imports: ImportView[] }).imports);
  }, []);

  // After an upload, poll at once (the new import is not in the list yet), then while any runs.
  useEffect(() => {
    const onChange = () => void refresh();
    window.addEventListener(IMPORTS_CHANGED, onChange);
    return () => window.removeEventListener(IMPORTS_CHANGED, onChange);
  }, [refresh]);
  useEffect(() => {
    if (!active(imports)) return;
    const timer = setTimeout(() => void refresh(), POLL_MS);
    return () => clearTimeout(timer);
  }, [imports, refresh]);

  return (
    <section className={`${ui.card} overflow-x-auto`}>
      <h2 className="px-5 pt-4 text-base font-semibold text-slate-900">{t("historyTitle")}</h2>
      {imports.length === 0 ? (
        <p className="p-5 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <table className="mt-2 min-w-full divide-y divide-slate-200 text-sm" data-testid="imports-table">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">{t("columns.file")}</th>
              <th className="px-4 py-2">{t("columns.state")}</th>
              <th className="px-4 py-2">{t("columns.progress")}</th>
              <th className="px-4 py-2">{t("columns.result")}</th>
              <th className="px-4 py-2">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {imports.map((job) => (
              <ImportRow key={job.id} job={job} onChange={refresh} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ImportRow({ job, onChange }: { job: ImportView; onChange: () => void }) {
  const t = useTranslations("imports");
  const format = useFormatter();
  const percent = job.total ? Math.min(100, Math.round((job.processed / job.total) * 100)) : job.state === "done" ? 100 : 0;
  return (
    <tr data-testid={`import-row-${job.id}`} data-state={job.state}>
      <td className="px-4 py-3 align-top">
        <div className="font-medium text-slate-900">{job.fileName ?? job.id}</div>
        <div className="text-xs text-slate-500">
          {t(`kinds.${job.kind}`)} · {format.dateTime(new Date(job.createdAt), { dateStyle: "short", timeStyle: "short" })}
        </div>
      </td>
      <td className="px-4 py-3 align-top">
        <Badge tone={TONE[job.state]} testId="import-state">
          {t(`states.${job.state}`)}
        </Badge>
        {job.failure ? <p className="mt-1 text-xs text-red-700">{t.has(`failures.${job.failure}`) ? t(`failures.${job.failure}`) : job.failure}</p> : null}
        {job.cancelRequested && job.state === "running" ? <p className="mt-1 text-xs text-amber-700">{t("cancelRequested")}</p> : null}
      </td>
      <td className="w-64 px-4 py-3 align-top">
        <div
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={job.total ?? 0}
          aria-valuenow={job.processed}
          className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
          data-testid="import-progress"
        >
          <div className="h-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
        </div>
        <div className="mt-1 text-xs text-slate-600" data-testid="import-progress-text">
          {job.total === null ? t("counting") : t("progress", { processed: job.processed, total: job.total })}
          {job.rowsPerSecond ? ` · ${t("rate", { rate: job.rowsPerSecond })}` : ""}
          {job.secondsLeft !== null ? ` · ${t("left", { seconds: job.secondsLeft })}` : ""}
        </div>
      </td>
      <td className="px-4 py-3 align-top text-xs text-slate-700" data-testid="import-result">
        {t("result", { created: job.created, updated: job.updated, failed: job.failed })}
        {job.reversedAt ? <div className="text-amber-700">{t("reversed")}</div> : null}
      </td>
      <td className="px-4 py-3 align-top">
        <ImportActions job={job} onChange={onChange} />
      </td>
    </tr>
  );
}
