import { getTranslations } from "next-intl/server";

/** Shown inside the dashboard frame while a page's data loads (Next streams it in place of the page). */
export default async function DashboardLoading() {
  const t = await getTranslations("ui");
  return (
    <div role="status" aria-live="polite" className="space-y-6" data-testid="page-loading">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden className="h-7 w-56 animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-100" />
      <div aria-hidden className="grid gap-6 md:grid-cols-2">
        <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
        <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
      </div>
      <div aria-hidden className="h-64 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
