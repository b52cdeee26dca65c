"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/shell/badge";
import { formatDateTime } from "@/lib/format/date-format";
import type { HoldRow, LedgerRow } from "@/lib/loyalty/client-detail.queries";
import type { OperationRow } from "@/lib/loyalty/loyalty.queries";
import { PlainTable } from "../../plain-table";
import { useOperationColumns } from "../../operations/operation-columns";

/** The client's recent holds, ledger entries and purchases. */
export function ClientHistory({ holds, ledger, operations, canRefund }: { holds: HoldRow[]; ledger: LedgerRow[]; operations: OperationRow[]; canRefund: boolean }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const format = useFormatter();
  const when = (iso: string) => formatDateTime(format, iso);
  const cells = useOperationColumns({ canRefund, showClient: false });
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-900">{t("holds.title")}</h2>
        <PlainTable
          testId="client-holds"
          rows={holds}
          emptyText={t("holds.empty")}
          columns={[
            { key: "createdAt", header: common("createdAt"), cell: (h) => when(h.createdAt) },
            { key: "point", header: t("operations.point"), cell: (h) => h.point },
            { key: "amount", header: t("holds.amount"), cell: (h) => h.amount, className: "text-right tabular-nums" },
            { key: "until", header: t("holds.until"), cell: (h) => when(h.until) },
            {
              key: "state",
              header: t("holds.state"),
              cell: (h) => (
                <Badge tone={h.state === "active" ? "amber" : "gray"}>
                  {t(`holds.states.${h.state}`)}
                  {h.releaseReason ? ` · ${t(`holds.reasons.${h.releaseReason}`)}` : ""}
                </Badge>
              ),
            },
          ]}
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-900">{t("ledger.title")}</h2>
        <PlainTable
          testId="client-ledger"
          rows={ledger}
          emptyText={t("ledger.empty")}
          columns={[
            { key: "createdAt", header: common("createdAt"), cell: (e) => when(e.createdAt) },
            { key: "kind", header: t("ledger.kind"), cell: (e) => <Badge tone={e.amount >= 0 ? "green" : "red"}>{t(`ledger.kinds.${e.kind}`)}</Badge> },
            {
              key: "amount",
              header: t("ledger.amount"),
              cell: (e) => <span className={`tabular-nums ${e.reversed ? "line-through text-slate-500" : ""}`}>{e.amount > 0 ? `+${e.amount}` : e.amount}</span>,
              className: "text-right",
            },
            { key: "reason", header: t("ledger.reason"), cell: (e) => <LedgerReason entry={e} /> },
          ]}
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-900" id="operations">
          {t("operations.title")}
        </h2>
        <PlainTable testId="client-operations" rows={operations} emptyText={t("operations.empty")} columns={cells} />
      </section>
    </div>
  );
}

/** A ledger line links to what it describes: the scan it credited, or the purchase (listed below). */
function LedgerReason({ entry }: { entry: LedgerRow }) {
  const t = useTranslations("loyalty");
  const text = entry.reasonKey ? t(`ledger.reasons.${entry.reasonKey}`) : (entry.reason ?? "—");
  const href = entry.scanId ? `/scans/${entry.scanId}` : entry.operationId ? "#operations" : null;
  if (!href) return <>{text}</>;
  return (
    <Link href={href} className="text-brand-700 hover:underline" data-testid="ledger-link">
      {text}
    </Link>
  );
}
