import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { listDeliveries } from "@/lib/outbox/outbox.queries";
import { countDeliveries } from "@/lib/outbox/count-deliveries";
import { DELIVERY_KINDS, DELIVERY_STATE_FILTERS, deliveryListFilters } from "@/lib/outbox/outbox.schema";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { FilterBar } from "@/components/data-table/filter-bar";
import { PageHeader } from "@/components/shell/page-header";
import { DeliveriesTable } from "./deliveries-table";
import { ReplayDeadButton } from "./replay-buttons";

export async function generateMetadata() {
  const t = await getTranslations("deliveries");
  return { title: t("title") };
}

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("staff");
  const isAdmin = hasRole(user, "admin");
  const t = await getTranslations("deliveries");
  const params = parseListParams(await searchParams, deliveryListFilters);
  const [page, total] = await Promise.all([listDeliveries(params), countDeliveries(params.filters)]);
  const { kind, entityId } = params.filters;
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} actions={isAdmin ? <ReplayDeadButton kind={kind} entityId={entityId} /> : null} />
      <FilterBar
        fields={[
          { name: "state", label: t("filters.state"), type: "select", options: DELIVERY_STATE_FILTERS.map((s) => ({ value: s, label: t(`states.${s}`) })) },
          { name: "kind", label: t("filters.kind"), type: "select", options: DELIVERY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
          { name: "entityId", label: t("filters.entityId"), type: "text" },
        ]}
      />
      <DeliveriesTable
        rows={page.rows}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        isAdmin={isAdmin}
        total={{ shown: page.rows.length, total: total.count, estimated: total.estimated, pageSize: params.take }}
      />
    </div>
  );
}
