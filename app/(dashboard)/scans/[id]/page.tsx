import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { getScanDetail, type ScanDetail } from "@/lib/scans/scan-detail.queries";
import { MODERATION_TEMPLATES } from "@/lib/scans/moderation-templates";
import { formatPhone } from "@/lib/loyalty/phone";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { ScanStatusBadge } from "../scan-status-badge";
import { ScanModerationButtons } from "./scan-moderation-buttons";
import { DecodedCode } from "./decoded-code";
import { formatDateTime } from "@/lib/format/date-format";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("scans");
  return { title: `${t("detail.scan")} ${(await params).id.slice(0, 8)}` };
}

export default async function ScanPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("staff");
  const { id } = await params;
  const scan = await getScanDetail(id);
  if (!scan) notFound();
  const t = await getTranslations("scans");
  const format = await getFormatter();
  const when = (iso: string) => formatDateTime(format, iso, { seconds: true });

  return (
    <div className="space-y-5">
      <Link href="/scans" className="text-sm text-brand-700 hover:underline">
        {t("detail.back")}
      </Link>
      <PageHeader
        title={`${t("detail.scan")} ${scan.id.slice(0, 8)}`}
        description={scan.code}
        actions={<ScanModerationButtons id={scan.id} status={scan.status} version={scan.version} templates={MODERATION_TEMPLATES} />}
      />
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-3">
        <section className={`${ui.card} p-5 xl:col-span-2`} data-testid="scan-detail">
          <div className="mb-4 flex items-center gap-3">
            <ScanStatusBadge status={scan.status} />
            <span className="text-sm text-slate-600">{t(`reason.${scan.reason}` as "reason.eligible")}</span>
          </div>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <Row label={t("detail.id")} mono>{scan.id}</Row>
            <Row label={t("detail.user")}>
              <Link href={`/scans?user=${encodeURIComponent(scan.userId)}`} className="font-mono text-brand-700 hover:underline">
                {scan.userId}
              </Link>
            </Row>
            <Row label={t("detail.receivedAt")}>{when(scan.createdAt)}</Row>
            <Row label={t("detail.scannedAt")}>
              {formatDateTime(format, scan.timestamp * 1000, { seconds: true })} <span className="text-slate-500">({scan.timestamp})</span>
            </Row>
            <Row label={t("detail.barcode")} mono>
              {/* GS separators are invisible: show them as the ␝ symbol. */}
              <span className="break-all" data-testid="scan-barcode">{scan.barcode.replaceAll("\u001d", "␝")}</span>
            </Row>
            <Row label={t("detail.encoding")}>{scan.decoded.encoding === "base64" ? t("detail.encodingBase64") : t("detail.encodingText")}</Row>
            <Row label={t("detail.kind")}>{t(`kind.${scan.codeKind}` as "kind.text")}</Row>
            <Row label={t("detail.code")} mono>
              <span className="break-all">{scan.code}</span>
            </Row>
            {scan.gtin ? <Row label={t("detail.gtin")} mono>{scan.gtin}</Row> : null}
            {scan.serial ? <Row label={t("detail.serial")} mono>{scan.serial}</Row> : null}
            {scan.registered ? <Row label="">{t("detail.registered")}</Row> : null}
            {scan.decoded.duplicateOfId ? (
              <Row label={t("detail.duplicateOf")}>
                <Link href={`/scans/${scan.decoded.duplicateOfId}`} className="font-mono text-brand-700 hover:underline">
                  {scan.decoded.duplicateOfId}
                </Link>
              </Row>
            ) : null}
            <Row label={t("detail.version")}>{scan.version}</Row>
            {scan.moderatedAt ? (
              <Row label={t("detail.moderated")}>{t("detail.moderatedBy", { who: scan.moderatedBy ?? "—", when: when(scan.moderatedAt) })}</Row>
            ) : null}
          </dl>
          <h3 className="mb-2 mt-6 text-sm font-semibold text-slate-900">{t("detail.answer")}</h3>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="scan-answer">
            <Row label={t("detail.alertTitle")}>{scan.alertTitle ?? "—"}</Row>
            <Row label={t("detail.alertMessage")}>{scan.alertMessage ?? "—"}</Row>
            <Row label={t("detail.statusMessage")}>{scan.statusMessage ?? "—"}</Row>
          </dl>
          <DecodedCode decoded={scan.decoded} />
          {scan.data ? (
            <>
              <h3 className="mb-2 mt-6 text-sm font-semibold text-slate-900">{t("detail.data")}</h3>
              <pre tabIndex={0} className="overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">{scan.data}</pre>
            </>
          ) : null}
        </section>
        <div className="space-y-5">
          <CampaignCard scan={scan} t={t} />
          <ClientCard scan={scan} t={t} when={when} />
          <OtherScans scan={scan} t={t} when={when} />
        </div>
      </div>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"scans">>>;

function Row({ label, mono, children }: { label: string; mono?: boolean; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className={mono ? "font-mono text-xs leading-5 text-slate-900" : "text-slate-900"}>{children}</dd>
    </>
  );
}

function CampaignCard({ scan, t }: { scan: ScanDetail; t: T }) {
  return (
    <section className={`${ui.card} p-5`}>
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("detail.campaign")}</h2>
      {scan.campaign ? (
        <div className="space-y-1 text-sm">
          <Link href={`/campaigns/${scan.campaign.id}`} className="text-brand-700 hover:underline">
            {scan.campaign.name}
          </Link>
          <p className="text-slate-600">
            {t("detail.points", { points: scan.bonusPoints ?? scan.campaign.bonusPoints })}
            {scan.campaign.autoApprove ? ` · ${t("detail.autoApprove")}` : ""}
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("detail.noCampaign")}</p>
      )}
    </section>
  );
}

function ClientCard({ scan, t, when }: { scan: ScanDetail; t: T; when: (iso: string) => string }) {
  return (
    <section className={`${ui.card} p-5`} data-testid="scan-client">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("detail.client")}</h2>
      {scan.client ? (
        <div className="space-y-1 text-sm">
          {scan.client.name ? <p className="text-slate-900">{scan.client.name}</p> : null}
          <p className="text-slate-600">{formatPhone(scan.client.phone) || scan.client.id}</p>
          <p>
            {t("detail.balance")}: <span className="font-semibold tabular-nums" data-testid="client-balance">{scan.client.balance}</span>
          </p>
          <Link href={`/loyalty/clients/${scan.client.id}`} className="text-brand-700 hover:underline">
            {t("detail.openClient")}
          </Link>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("detail.noClient")}</p>
      )}
      <h3 className="mb-1 mt-4 text-xs font-semibold uppercase tracking-wider text-slate-500">{t("detail.ledger")}</h3>
      {scan.ledger.length ? (
        <ul className="space-y-1 text-sm" data-testid="scan-ledger">
          {scan.ledger.map((e) => (
            <li key={e.id} className="flex justify-between gap-3">
              <span className="text-slate-600">
                {t(`detail.ledgerKind.${e.kind}` as "detail.ledgerKind.scan_credit")} · {when(e.createdAt)}
              </span>
              <span className={`tabular-nums ${e.amount < 0 ? "text-red-700" : "text-emerald-700"}`}>{e.amount > 0 ? `+${e.amount}` : e.amount}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("detail.noLedger")}</p>
      )}
    </section>
  );
}

function OtherScans({ scan, t, when }: { scan: ScanDetail; t: T; when: (iso: string) => string }) {
  return (
    <section className={`${ui.card} p-5`}>
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("detail.others")}</h2>
      {scan.otherScans.length ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="scan-others">
          {scan.otherScans.map((o) => (
            <li key={o.id} className="py-2">
              <div className="flex items-center justify-between gap-2">
                <Link href={`/scans/${o.id}`} className="text-brand-700 hover:underline">
                  {when(o.createdAt)}
                </Link>
                <ScanStatusBadge status={o.status} />
              </div>
              <p className="truncate font-mono text-xs text-slate-500" title={o.code}>
                {o.code}
              </p>
              <p className="text-xs text-slate-500">{o.campaignName ?? t(`reason.${o.reason}` as "reason.eligible")}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("detail.noOthers")}</p>
      )}
    </section>
  );
}
