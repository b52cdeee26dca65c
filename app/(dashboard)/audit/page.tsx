import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { countAuditEntries, listAuditEntries } from "@/lib/audit/audit.queries";
import { auditListFilters } from "@/lib/audit/audit.schema";
import { PageHeader } from "@/components/shell/page-header";
import { FilterBar } from "@/components/data-table/filter-bar";
import { AuditTable } from "./audit-table";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole("admin");
  const t = await getTranslations("audit");
  const params = parseListParams(await searchParams, auditListFilters);
  const [page, total] = await Promise.all([listAuditEntries(params), countAuditEntries(params.filters)]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <FilterBar
        fields={[
          { name: "action", label: t("filters.action"), type: "text" },
          { name: "entityType", label: t("filters.entityType"), type: "text" },
          { name: "entityId", label: t("filters.entityId"), type: "text" },
          { name: "actor", label: t("filters.actor"), type: "text" },
          { name: "from", label: t("filters.from"), type: "date" },
          { name: "to", label: t("filters.to"), type: "date" },
        ]}
      />
      <AuditTable
        rows={page.rows}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        total={{ shown: page.rows.length, total: total.count, estimated: total.estimated, pageSize: params.take }}
      />
    </div>
  );
}
