import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { clientFilters } from "@/lib/loyalty/loyalty.schema";
import { levelOptions, listClients } from "@/lib/loyalty/loyalty.queries";
import { PageHeader } from "@/components/shell/page-header";
import { FilterBar } from "@/components/data-table/filter-bar";
import { ui } from "@/components/shell/ui-classes";
import { ClientsTable } from "./clients-table";
import { ClientFormButton } from "./client-form";
import { ImportButton } from "./import-dialog";

export async function generateMetadata() {
  const t = await getTranslations("loyalty");
  return { title: t("clients.title") };
}

export default async function ClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("staff");
  const t = await getTranslations("loyalty");
  const params = parseListParams(await searchParams, clientFilters);
  const canEdit = hasRole(user, "admin");
  const [page, levels] = await Promise.all([listClients(params), canEdit ? levelOptions() : Promise.resolve([])]);
  const exportHref = `/loyalty/clients/export${params.filters.q ? `?q=${encodeURIComponent(params.filters.q)}` : ""}`;
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("clients.title")}
        description={t("clients.description")}
        actions={
          <>
            {canEdit ? (
              <a href={exportHref} className={ui.buttonSecondary} data-testid="clients-export" download>
                {t("clients.export")}
              </a>
            ) : null}
            {canEdit ? <ImportButton /> : null}
            {canEdit ? <ClientFormButton client={null} levels={levels} label={t("clients.new")} testId="client-create-open" /> : null}
          </>
        }
      />
      <FilterBar fields={[{ name: "q", label: t("clients.search"), type: "text" }]} />
      <ClientsTable rows={page.rows} nextCursor={page.nextCursor} prevCursor={page.prevCursor} />
    </div>
  );
}
