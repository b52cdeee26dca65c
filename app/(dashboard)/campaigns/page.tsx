import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { listCampaigns } from "@/lib/campaigns/campaigns.queries";
import { campaignListFilters } from "@/lib/campaigns/campaigns.schema";
import { PageHeader } from "@/components/shell/page-header";
import { FilterBar } from "@/components/data-table/filter-bar";
import { ui } from "@/components/shell/ui-classes";
import { CampaignsTable } from "./campaigns-table";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("title") };
}

// Staff may read campaigns (to understand scan decisions); only admins change them.
export default async function CampaignsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("staff");
  const t = await getTranslations("campaigns");
  const params = parseListParams(await searchParams, campaignListFilters);
  const page = await listCampaigns(params);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          hasRole(user, "admin") ? (
            <Link href="/campaigns/new" className={ui.buttonPrimary} data-testid="campaign-new">
              {t("new")}
            </Link>
          ) : null
        }
      />
      <FilterBar
        fields={[
          { name: "q", label: t("filters.q"), type: "text" },
          {
            name: "state",
            label: t("filters.state"),
            type: "select",
            options: (["running", "scheduled", "ended", "inactive"] as const).map((s) => ({ value: s, label: t(`state.${s}`) })),
          },
        ]}
      />
      <CampaignsTable rows={page.rows} nextCursor={page.nextCursor} prevCursor={page.prevCursor} />
    </div>
  );
}
