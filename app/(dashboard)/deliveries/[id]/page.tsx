import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getDelivery, hasNewerVersion } from "@/lib/outbox/outbox.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { DeliveryStateBadge } from "../delivery-state-badge";
import { ReplayDeliveryButton } from "../replay-buttons";
import { AttemptList } from "./attempt-list";
import { formatDateTime } from "@/lib/format/date-format";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("deliveries");
  return { title: t("detail.title", { id: (await params).id }) };
}

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("staff");
  const { id } = await params;
  const [delivery, t, format] = await Promise.all([getDelivery(id, { withResponses: hasRole(user, "admin") }), getTranslations("deliveries"), getFormatter()]);
  if (!delivery) notFound();
  const replayable = delivery.state === "dead" || delivery.state === "failed";
  const newer = replayable ? await hasNewerVersion(delivery) : false;
  const when = (iso: string | null) => (iso ? formatDateTime(format, iso, { seconds: true }) : <span className="text-slate-500">—</span>);
  const facts: [string, ReactNode][] = [
    [t("columns.kind"), t(`kinds.${delivery.kind}`)],
    [
      t("detail.entity"),
      <span key="e">
        <code className="break-all font-mono text-xs">{delivery.entityId}</code>{" "}
        <span className="text-xs text-slate-500">{t("version", { version: delivery.entityVersion })}</span>
      </span>,
    ],
    [t("columns.state"), <DeliveryStateBadge key="s" state={delivery.state} attempts={delivery.attempts} />],
    [t("columns.attempts"), <span key="a" className="tabular-nums">{delivery.attempts}</span>],
    [t("detail.createdAt"), when(delivery.createdAt)],
    [t("detail.deliveredAt"), when(delivery.deliveredAt)],
    [t("detail.nextAttemptAt"), when(delivery.state === "pending" ? delivery.nextAttemptAt : null)],
    [t("detail.lastError"), delivery.lastError ?? <span className="text-slate-500">—</span>],
  ];
  return (
    <div className="space-y-6" data-testid="delivery-detail">
      <PageHeader
        title={t("detail.title", { id: delivery.id })}
        actions={
          <>
            {hasRole(user, "admin") && replayable && !newer ? <ReplayDeliveryButton id={delivery.id} /> : null}
            <Link href="/deliveries" className={ui.buttonSecondary}>
              {t("detail.back")}
            </Link>
          </>
        }
      />
      {replayable && newer ? <p className={ui.alertError}>{t("detail.newerExists")}</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={`${ui.card} p-5`}>
          <h2 className="mb-4 text-base font-semibold text-slate-900">{t("detail.summary")}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className={`${ui.card} space-y-4 p-5`}>
          <div>
            <h2 className="mb-2 text-base font-semibold text-slate-900">{t("detail.payload")}</h2>
            <pre tabIndex={0} className="max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs text-slate-800" data-testid="delivery-payload">
              {delivery.payload}
            </pre>
          </div>
          {delivery.response ? (
            <div>
              <h2 className="mb-2 text-base font-semibold text-slate-900">{t("detail.response")}</h2>
              <pre tabIndex={0} className="max-h-64 overflow-auto rounded-md bg-slate-50 p-3 text-xs text-slate-800">{delivery.response}</pre>
            </div>
          ) : null}
        </section>
      </div>
      <section className={`${ui.card} p-5`}>
        <h2 className="mb-4 text-base font-semibold text-slate-900">{t("detail.attempts", { count: delivery.attemptLog.length })}</h2>
        <AttemptList attempts={delivery.attemptLog} />
      </section>
    </div>
  );
}
