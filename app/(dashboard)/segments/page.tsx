import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { listSegments } from "@/lib/offers/segments.queries";
import { segmentListFilters } from "@/lib/offers/offers.schema";
import { PageHeader } from "@/components/shell/page-header";
import { FilterBar } from "@/components/data-table/filter-bar";
import { SegmentsTable } from "./segments-table";
import { CreateSegmentButton } from "./segment-form";

export async function generateMetadata() {
  const t = await getTranslations("offers");
  return { title: t("segments.title") };
}

export default async function SegmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("staff");
  const t = await getTranslations("offers");
  const params = parseListParams(await searchParams, segmentListFilters);
  const page = await listSegments(params);
  const isAdmin = hasRole(user, "admin");
  return (
    <div className="space-y-5">
      <PageHeader title={t("segments.title")} description={t("segments.description")} actions={isAdmin ? <CreateSegmentButton /> : null} />
      <FilterBar
        fields={[
          { name: "q", label: t("segments.filterQ"), type: "text" },
          {
            name: "source",
            label: t("segments.source"),
            type: "select",
            options: [
              { value: "admin", label: t("segments.sources.admin") },
              { value: "imshop", label: t("segments.sources.imshop") },
            ],
          },
        ]}
      />
      <SegmentsTable rows={page.rows} nextCursor={page.nextCursor} prevCursor={page.prevCursor} canEdit={isAdmin} />
    </div>
  );
}
