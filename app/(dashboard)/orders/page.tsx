import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { listOrders, listStatusOptions } from "@/lib/orders/orders.queries";
import { countOrders } from "@/lib/orders/count-orders";
import { orderListFilters } from "@/lib/orders/orders.schema";
import { PageHeader } from "@/components/shell/page-header";
import { FilterBar } from "@/components/data-table/filter-bar";
import { OrdersTable } from "./orders-table";

export async function generateMetadata() {
  const t = await getTranslations("orders");
  return { title: t("title") };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole("staff");
  const t = await getTranslations("orders");
  const params = parseListParams(await searchParams, orderListFilters);
  const [page, statuses, total] = await Promise.all([listOrders(params), listStatusOptions(), countOrders(params.filters)]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <FilterBar
        fields={[
          { name: "q", label: t("filters.q"), type: "text" },
          {
            name: "status",
            label: t("filters.status"),
            type: "select",
            options: statuses.map((s) => ({ value: s.code, label: `${s.description} (${s.code})` })),
          },
          { name: "user", label: t("filters.user"), type: "text" },
          { name: "from", label: t("filters.from"), type: "date" },
          { name: "to", label: t("filters.to"), type: "date" },
        ]}
      />
      <OrdersTable
        rows={page.rows}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        total={{ shown: page.rows.length, total: total.count, estimated: total.estimated, pageSize: params.take }}
      />
    </div>
  );
}
