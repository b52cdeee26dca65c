import { notFound } from "next/navigation";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getClientDetail } from "@/lib/loyalty/client-detail.queries";
import { levelOptions } from "@/lib/loyalty/loyalty.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { ClientFormButton } from "../client-form";
import { AdjustForm } from "./adjust-form";
import { EraseClientButton } from "./erase-button";
import { ClientHistory } from "./client-history";
import { formatDate } from "@/lib/format/date-format";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("loyalty");
  const detail = await getClientDetail((await params).id);
  return { title: detail?.client.name ?? t("clients.title") };
}

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("staff");
  const t = await getTranslations("loyalty");
  const format = await getFormatter();
  const detail = await getClientDetail((await params).id);
  if (!detail) notFound();
  const { client, balance } = detail;
  const canEdit = hasRole(user, "admin");
  const levels = canEdit ? await levelOptions() : [];
  const profile: [string, string | null][] = [
    [t("clients.fields.phone"), client.phoneFormatted || null],
    [t("clients.fields.email"), client.email],
    [t("clients.fields.cardNumber"), client.cardNumber],
    [t("clients.fields.appCode"), client.appCode],
    [t("clients.imshopUserId"), client.imshopUserId],
    [t("clients.fields.birthday"), client.birthday ? formatDate(format, client.birthday, { calendarDay: true }) : null],
    [t("clients.fields.level"), `${client.level.title} · ${t(`levelType.${client.level.type}`)} ${client.level.percent} %`],
    ["ID", client.id],
  ];
  return (
    <div className="space-y-6">
      <Link href="/loyalty/clients" className="text-sm text-brand-700 hover:underline">
        ← {t("clients.back")}
      </Link>
      <PageHeader
        title={client.name || t("clients.noName")}
        actions={canEdit ? <ClientFormButton client={client} levels={levels} label={t("clients.edit")} testId="client-edit-open" /> : null}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <section className={`${ui.card} p-5`} data-testid="client-balance">
          <h2 className="text-sm font-medium text-slate-500">{t("clients.balance")}</h2>
          <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid="client-balance-available">
            {format.number(balance.available)}
          </p>
          <dl className="mt-3 space-y-1 text-sm text-slate-600">
            <div className="flex justify-between">
              <dt>{t("clients.ledgerBalance")}</dt>
              <dd className="tabular-nums">{format.number(balance.ledger)}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t("clients.held")}</dt>
              <dd className="tabular-nums">{format.number(balance.held)}</dd>
            </div>
          </dl>
          {client.level.type === "discount" ? <p className="mt-3 text-xs text-slate-500">{t("clients.discountNote")}</p> : null}
        </section>
        <section className={`${ui.card} p-5`}>
          <dl className="space-y-2 text-sm">
            {profile.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-slate-500">{label}</dt>
                <dd className="text-right font-medium text-slate-900 break-all">{value ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
        {canEdit ? (
          <section className={`${ui.card} p-5`}>
            <h2 className="mb-3 text-sm font-medium text-slate-900">{t("adjust.title")}</h2>
            <AdjustForm clientId={client.id} />
          </section>
        ) : null}
        {client.erasedAt ? (
          <p className={`${ui.alertSuccess} lg:col-span-3`} data-testid="client-erased">
            {t("erase.done", { date: formatDate(format, client.erasedAt) })}
          </p>
        ) : canEdit ? (
          <section className={`${ui.card} p-5 lg:col-span-3`}>
            <h2 className="mb-1 text-sm font-medium text-slate-900">{t("erase.title")}</h2>
            <p className="mb-3 text-xs text-slate-500">{t("erase.hint")}</p>
            <EraseClientButton clientId={client.id} />
          </section>
        ) : null}
      </div>
      <ClientHistory holds={detail.holds} ledger={detail.ledger} operations={detail.operations} canRefund={canEdit} />
    </div>
  );
}
