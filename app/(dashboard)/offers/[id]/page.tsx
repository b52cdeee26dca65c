import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { findSampleCode, getOffer, listRedemptions, listSegmentOptions, listTargetedUsers } from "@/lib/offers/offers.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { OfferForm } from "../offer-form";
import { OfferStatusBadge } from "../offer-status-badge";
import { OfferSummary } from "./offer-summary";
import { OfferAdminActions } from "./offer-admin-actions";
import { CsvImportForm } from "./csv-import-form";
import { RedeemForm } from "./redeem-form";
import { formatDateTime } from "@/lib/format/date-format";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params) {
  const t = await getTranslations("offers");
  return { title: `${t("title")}: ${decodeURIComponent((await params).id)}` };
}

export default async function OfferPage({ params }: Params) {
  const user = await requireRole("staff");
  const id = decodeURIComponent((await params).id);
  const isAdmin = hasRole(user, "admin");
  const [offer, t, format] = await Promise.all([getOffer(id), getTranslations("offers"), getFormatter()]);
  if (!offer) notFound();
  const [segments, redemptions, users, sample] = await Promise.all([
    isAdmin ? listSegmentOptions() : Promise.resolve([]),
    listRedemptions(offer.id),
    offer.targeting === "users" ? listTargetedUsers(offer.id, 20) : Promise.resolve([]),
    offer.promocodeMode === "pool" ? findSampleCode(offer.id) : Promise.resolve(null),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={offer.name}
        description={offer.id}
        actions={
          <>
            <OfferStatusBadge status={offer.status} />
            {isAdmin ? <OfferAdminActions offerId={offer.id} active={offer.active} /> : null}
            <Link href="/offers" className={ui.buttonSecondary}>
              {t("back")}
            </Link>
          </>
        }
      />
      {isAdmin ? <OfferForm key={offer.updatedAt} mode="edit" offer={offer} segments={segments} sampleCode={sample} /> : <OfferSummary offer={offer} />}

      <div className="grid gap-6 lg:grid-cols-2">
        {offer.promocodeMode === "pool" ? (
          <section className={`${ui.card} space-y-3 p-5`} data-testid="offer-pool">
            <h2 className="text-base font-semibold">{t("pool.title")}</h2>
            <p className="text-sm text-slate-600" data-testid="offer-pool-counts">
              {t("pool.counts", { total: offer.codeTotal, free: offer.codeFree, given: offer.codeTotal - offer.codeFree })}
            </p>
            {offer.codeFree === 0 ? <p className={ui.alertError}>{t("pool.exhausted")}</p> : null}
            {isAdmin ? <CsvImportForm offerId={offer.id} kind="codes" /> : null}
            {isAdmin && offer.codeTotal > 0 ? (
              <a href={`/offers/${offer.id}/codes/export`} className={ui.buttonSecondary} data-testid="offer-codes-export" download>
                {t("exportCsv")}
              </a>
            ) : null}
          </section>
        ) : null}
        {offer.targeting === "users" ? (
          <section className={`${ui.card} space-y-3 p-5`} data-testid="offer-users">
            <h2 className="text-base font-semibold">{t("users.title")}</h2>
            <p className="text-sm text-slate-600">{t("users.count", { count: offer.userCount })}</p>
            {users.length ? <p className="break-all font-mono text-xs text-slate-500">{users.join(", ")}{offer.userCount > users.length ? " …" : ""}</p> : null}
            {isAdmin ? <CsvImportForm offerId={offer.id} kind="users" /> : null}
          </section>
        ) : null}
        <section className={`${ui.card} space-y-3 p-5`} data-testid="offer-redemptions">
          <h2 className="text-base font-semibold">{t("redeem.title")}</h2>
          <RedeemForm offerId={offer.id} pool={offer.promocodeMode === "pool"} />
          <h3 className="pt-2 text-sm font-medium text-slate-700">{t("redeem.recent", { count: offer.redemptionCount })}</h3>
          {redemptions.length === 0 ? (
            <p className="text-sm text-slate-500">{t("redeem.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {redemptions.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-2 py-1.5" data-testid="offer-redemption">
                  <span className="font-mono text-xs">{r.userId}</span>
                  <code className="font-mono text-xs text-slate-600">{r.code}</code>
                  <span className="text-xs text-slate-500">
                    {t(`redeem.source.${r.source === "api" ? "api" : "dashboard"}`)} · {formatDateTime(format, r.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
