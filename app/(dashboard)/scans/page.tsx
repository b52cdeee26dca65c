import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { countScans, listScans, SCAN_COUNT_CAP } from "@/lib/scans/scans.queries";
import { SCAN_STATUSES, scanListFilters } from "@/lib/scans/scans.schema";
import { listCampaignOptions } from "@/lib/campaigns/campaigns.queries";
import { MODERATION_TEMPLATES } from "@/lib/scans/moderation-templates";
import { PageHeader } from "@/components/shell/page-header";
import { FilterBar } from "@/components/data-table/filter-bar";
import { ScansTable } from "./scans-table";

export async function generateMetadata() {
  const t = await getTranslations("scans");
  return { title: t("title") };
}

// The dashboard's home: the moderation queue, filtered by URL parameters.
export default async function ScansPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole("staff");
  const t = await getTranslations("scans");
  const raw = await searchParams;
  const params = parseListParams(raw, scanListFilters);
  const [page, counts, campaigns] = await Promise.all([listScans(params), countScans(params.filters), listCampaignOptions()]);
  const tabs = [{ key: "all", status: undefined }, ...SCAN_STATUSES.map((s) => ({ key: s, status: s }))];
  const tabHref = (status?: string) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) {
      const value = Array.isArray(v) ? v[0] : v;
      if (value && !["status", "cursor", "dir", "pos"].includes(k)) next.set(k, value);
    }
    if (status) next.set("status", status);
    const qs = next.toString();
    return qs ? `/scans?${qs}` : "/scans";
  };
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <nav className="flex flex-wrap gap-1 border-b border-slate-200" aria-label={t("filters.status")}>
        {tabs.map((tab) => {
          const current = (params.filters.status ?? undefined) === tab.status;
          // Each tab counts what its link lists: the other filters stay applied.
          const parts = tab.status ? [counts.tabs[tab.status]] : SCAN_STATUSES.map((st) => counts.tabs[st]);
          // A capped count is a lower bound: "10000+" (and the sum of the exact ones with it, "+" too).
          const capped = parts.some((n) => n > SCAN_COUNT_CAP);
          const count = `${parts.reduce((a, n) => a + Math.min(n, SCAN_COUNT_CAP), 0)}${capped ? "+" : ""}`;
          return (
            <Link
              key={tab.key}
              href={tabHref(tab.status)}
              data-testid={`scans-tab-${tab.key}`}
              aria-current={current ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm ${current ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {t(`tabs.${tab.key}`)}{" "}
              <span className="ml-1 rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600" data-testid={`scans-tab-count-${tab.key}`}>
                {count}
              </span>
            </Link>
          );
        })}
      </nav>
      <FilterBar
        key={JSON.stringify(params.filters)}
        fields={[
          { name: "status", label: t("filters.status"), type: "select", options: SCAN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) },
          { name: "campaign", label: t("filters.campaign"), type: "select", options: campaigns.map((c) => ({ value: c.id, label: c.name })) },
          { name: "user", label: t("filters.user"), type: "text" },
          { name: "code", label: t("filters.code"), type: "text" },
          { name: "from", label: t("filters.from"), type: "date" },
          { name: "to", label: t("filters.to"), type: "date" },
        ]}
      />
      <ScansTable
        rows={page.rows}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        templates={MODERATION_TEMPLATES}
        total={{ shown: page.rows.length, total: counts.total.count, estimated: counts.total.estimated, pageSize: params.take }}
      />
    </div>
  );
}
