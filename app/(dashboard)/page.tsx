import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { requireRole } from "@/lib/auth/require-role";
import { getOverview } from "@/lib/overview/overview.queries";
import { DailyCharts } from "./_overview/daily-charts";
import { OrdersChart } from "./_overview/orders-chart";
import { SetupChecklist } from "./_overview/setup-checklist";
import { StatusCards } from "./_overview/status-cards";
import { TopCampaigns } from "./_overview/top-campaigns";

export async function generateMetadata() {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

/** The dashboard's home for staff and admins: how the business is doing, at a glance. */
export default async function OverviewPage() {
  const user = await requireRole("staff");
  const [t, format, overview] = await Promise.all([getTranslations("overview"), getFormatter(), getOverview({ isAdmin: user.role === "admin" })]);
  const now = new Date();
  return (
    <div className="space-y-6" data-testid="overview">
      <PageHeader title={t("title")} description={t("description")} />
      {overview.setup ? <SetupChecklist steps={overview.setup} /> : null}
      <StatusCards waiting={overview.waiting} push={overview.push} now={now} />
      <DailyCharts days={overview.snapshot.days} />
      <div className="grid gap-6 xl:grid-cols-2">
        <OrdersChart rows={overview.snapshot.ordersByStatus} />
        <TopCampaigns rows={overview.snapshot.topCampaigns} />
      </div>
      <p className="text-xs text-slate-500" data-testid="overview-refreshed-at">
        {t("refreshedAt", { at: format.dateTime(new Date(overview.snapshot.refreshedAt), { dateStyle: "short", timeStyle: "short" }) })}
      </p>
    </div>
  );
}
