import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getStatusList } from "@/lib/orders/orders.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { StatusesManager } from "./statuses-manager";

export async function generateMetadata() {
  const t = await getTranslations("orders");
  return { title: t("statuses.title") };
}

// Staff read the list (they pick from it on order pages); only admins change it.
export default async function OrderStatusesPage() {
  const user = await requireRole("staff");
  const t = await getTranslations("orders");
  const { statuses, unmapped, imshopStatuses } = await getStatusList();
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("statuses.title")}
        description={t("statuses.description")}
        actions={
          <>
            <a href="/order-statuses/export?format=json" download className={ui.buttonSecondary} data-testid="export-json">
              {t("statuses.exportJson")}
            </a>
            <a href="/order-statuses/export?format=csv" download className={ui.buttonSecondary} data-testid="export-csv">
              {t("statuses.exportCsv")}
            </a>
          </>
        }
      />
      <StatusesManager statuses={statuses} unmapped={unmapped} imshopStatuses={imshopStatuses} canEdit={hasRole(user, "admin")} />
    </div>
  );
}
