import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { listOffers } from "@/lib/offers/offers.queries";
import { OFFER_STATUSES, PROMOCODE_MODES, TARGETINGS, offerListFilters } from "@/lib/offers/offers.schema";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { FilterBar } from "@/components/data-table/filter-bar";
import { OffersTable } from "./offers-table";

export async function generateMetadata() {
  const t = await getTranslations("offers");
  return { title: t("title") };
}

export default async function OffersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("staff");
  const t = await getTranslations("offers");
  const search = await searchParams;
  const params = parseListParams(search, offerListFilters);
  const page = await listOffers(params);
  const exportQuery = new URLSearchParams(Object.entries(params.filters).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/offers/preview" className={ui.buttonSecondary} data-testid="offers-preview-link">
              {t("preview.open")}
            </Link>
            <a href={`/offers/export${exportQuery ? `?${exportQuery}` : ""}`} className={ui.buttonSecondary} data-testid="offers-export">
              {t("exportCsv")}
            </a>
            {hasRole(user, "admin") ? (
              <Link href="/offers/new" className={ui.buttonPrimary} data-testid="offer-create-open">
                {t("newOffer")}
              </Link>
            ) : null}
          </>
        }
      />
      <FilterBar
        fields={[
          { name: "q", label: t("filters.q"), type: "text" },
          { name: "status", label: t("columns.status"), type: "select", options: OFFER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) },
          { name: "targeting", label: t("fields.targeting"), type: "select", options: TARGETINGS.map((v) => ({ value: v, label: t(`targeting.${v}`) })) },
          { name: "mode", label: t("fields.promocodeMode"), type: "select", options: PROMOCODE_MODES.map((v) => ({ value: v, label: t(`mode.${v}`) })) },
          { name: "segment", label: t("filters.segment"), type: "text" },
        ]}
      />
      <OffersTable rows={page.rows} nextCursor={page.nextCursor} prevCursor={page.prevCursor} />
    </div>
  );
}
