import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { getOrderDetail, getOrderNumber } from "@/lib/orders/order-detail.queries";
import { listStatusOptions } from "@/lib/orders/orders.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { ChangeStatusForm } from "./change-status-form";
import { OrderTimeline } from "./order-timeline";
import { StatusBadge } from "../status-badge";
import { formatDateTime } from "@/lib/format/date-format";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("orders");
  const number = await getOrderNumber((await params).id);
  return { title: number ? t("detail.title", { number }) : t("title") };
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("staff");
  const { id } = await params;
  const [order, statuses, t, format] = await Promise.all([getOrderDetail(id), listStatusOptions(), getTranslations("orders"), getFormatter()]);
  if (!order) notFound();
  const dash = <span className="text-slate-500">—</span>;
  const facts: [string, ReactNode, string?][] = [
    [t("detail.status"), <StatusBadge key="s" code={order.statusCode} label={order.status?.description ?? null} />],
    [t("detail.statusMessage"), order.statusMessage ?? dash, "order-status-message"],
    [t("detail.trackingUrl"), order.trackingUrl ? <a href={order.trackingUrl} className="break-all text-brand-600 hover:underline" target="_blank" rel="noreferrer">{order.trackingUrl}</a> : dash, "order-tracking-url"],
    [t("detail.imshopStatus"), order.imshopStatus ? <code className="font-mono text-xs">{order.imshopStatus}</code> : dash, "order-imshop-status"],
    [t("detail.uuid"), order.uuid ? <code className="break-all font-mono text-xs">{order.uuid}</code> : dash, "order-uuid"],
    [t("detail.user"), order.userId ? <code className="font-mono text-xs">{order.userId}</code> : dash],
    [t("detail.total"), format.number(order.totalKopecks / 100, { style: "currency", currency: "RUB" })],
    [t("detail.createdAt"), formatDateTime(format, order.orderCreatedAt)],
    [t("detail.items"), order.itemsSummary ?? dash],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("detail.title", { number: order.internalId })}
        actions={
          <Link href="/orders" className={ui.buttonSecondary}>
            {t("detail.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <section className={`${ui.card} p-5 lg:col-span-3`} data-testid="order-summary">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
            {facts.map(([label, value, testId]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="text-slate-900" data-testid={testId}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section className={`${ui.card} p-5 lg:col-span-2`}>
          <h2 className="mb-4 text-base font-semibold text-slate-900">{t("change.title")}</h2>
          <ChangeStatusForm
            orderId={order.id}
            currentCode={order.statusCode}
            currentFinal={order.status?.final ?? false}
            currentLabel={order.status?.description ?? order.statusCode}
            statuses={statuses}
          />
        </section>
      </div>
      <section className={`${ui.card} p-5`}>
        <h2 className="mb-4 text-base font-semibold text-slate-900">{t("timeline.title")}</h2>
        <OrderTimeline events={order.timeline} statuses={statuses} />
      </section>
    </div>
  );
}
