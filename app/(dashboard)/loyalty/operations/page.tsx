import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { operationFilters } from "@/lib/loyalty/loyalty.schema";
import { listOperations, pointOptions } from "@/lib/loyalty/loyalty.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { FilterBar } from "@/components/data-table/filter-bar";
import { OperationsTable } from "./operations-table";

export async function generateMetadata() {
  const t = await getTranslations("loyalty");
  return { title: t("operations.title") };
}

/** The export takes the list's filters but the client search (a phone or name filter stays on the page). */
function exportHref(filters: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const key of ["point", "from", "to", "type", "kind"]) if (typeof filters[key] === "string" && filters[key]) query.set(key, filters[key] as string);
  const text = query.toString();
  return `/loyalty/operations/export${text ? `?${text}` : ""}`;
}

export default async function OperationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("staff");
  const t = await getTranslations("loyalty");
  const params = parseListParams(await searchParams, operationFilters);
  const [page, points] = await Promise.all([listOperations(params), pointOptions()]);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("operations.title")}
        description={t("operations.description")}
        actions={
          hasRole(user, "admin") ? (
            <a href={exportHref(params.filters)} className={ui.buttonSecondary} data-testid="operations-export" download>
              {t("clients.export")}
            </a>
          ) : null
        }
      />
      <FilterBar
        fields={[
          { name: "point", label: t("operations.point"), type: "select", options: points },
          { name: "client", label: t("operations.clientFilter"), type: "text" },
          { name: "from", label: t("operations.from"), type: "date" },
          { name: "to", label: t("operations.to"), type: "date" },
          {
            name: "type",
            label: t("operations.type"),
            type: "select",
            options: [
              { value: "cashback", label: t("levelType.cashback") },
              { value: "discount", label: t("levelType.discount") },
            ],
          },
          {
            name: "kind",
            label: t("operations.kind"),
            type: "select",
            options: [
              { value: "spend", label: t("operations.kinds.spend") },
              { value: "earn", label: t("operations.kinds.earn") },
              { value: "refunded", label: t("operations.kinds.refunded") },
            ],
          },
        ]}
      />
      <OperationsTable rows={page.rows} nextCursor={page.nextCursor} prevCursor={page.prevCursor} canRefund={hasRole(user, "admin")} />
    </div>
  );
}
