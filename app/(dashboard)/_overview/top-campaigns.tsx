import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { OverviewSnapshot } from "@/lib/overview/overview.schema";
import { ChartCard } from "./chart-card";

/** The campaigns with the most approved scans in the window, each bar scaled to the leader. */
export async function TopCampaigns({ rows }: { rows: OverviewSnapshot["topCampaigns"] }) {
  const t = await getTranslations("overview.campaigns");
  const max = Math.max(1, ...rows.map((r) => r.approved));
  return (
    <ChartCard title={t("title")} testId="overview-top-campaigns">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="space-y-3">
          {rows.map((r) => (
            <li key={r.id} className="text-sm">
              <div className="flex items-baseline justify-between gap-3">
                <Link href={`/campaigns/${r.id}`} className="truncate font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>
                <span className="shrink-0 tabular-nums text-slate-600">{t("approved", { count: r.approved })}</span>
              </div>
              {/* An SVG attribute, not a style attribute: the CSP blocks inline styles in server HTML. */}
              <svg aria-hidden className="mt-1 block h-1.5 w-full rounded-full bg-slate-100">
                <rect height="100%" width={`${(r.approved / max) * 100}%`} rx="3" className="fill-emerald-600" />
              </svg>
            </li>
          ))}
        </ol>
      )}
    </ChartCard>
  );
}
