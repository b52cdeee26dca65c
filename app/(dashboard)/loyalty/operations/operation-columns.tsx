"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/shell/badge";
import type { OperationRow } from "@/lib/loyalty/loyalty.queries";
import type { PlainColumn } from "../plain-table";
import { RefundButton } from "./refund-button";
import { formatDateTime } from "@/lib/format/date-format";

/** Columns of a purchase, shared by the operations page and a client's card. */
export function useOperationColumns({ canRefund, showClient }: { canRefund: boolean; showClient: boolean }): PlainColumn<OperationRow>[] {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const format = useFormatter();
  const money = (v: number) => format.number(v, { style: "currency", currency: "RUB" });
  return [
    {
      key: "createdAt",
      header: t("operations.date"),
      cell: (o) => <span className="whitespace-nowrap">{formatDateTime(format, o.createdAt)}</span>,
    },
    { key: "point", header: t("operations.point"), cell: (o) => o.point },
    ...(showClient
      ? [
          {
            key: "client",
            header: t("operations.client"),
            cell: (o: OperationRow) => (
              <Link href={`/loyalty/clients/${o.clientId}`} className="text-brand-700 hover:underline">
                {o.client}
              </Link>
            ),
          },
        ]
      : []),
    { key: "amount", header: t("operations.amount"), cell: (o) => money(o.amount), className: "text-right tabular-nums whitespace-nowrap" },
    { key: "spend", header: t("operations.spend"), cell: (o) => (o.spend ? `−${o.spend}` : "—"), className: "text-right tabular-nums" },
    { key: "earn", header: t("operations.earn"), cell: (o) => (o.earn ? `+${o.earn}` : "—"), className: "text-right tabular-nums" },
    { key: "total", header: t("operations.total"), cell: (o) => money(o.total), className: "text-right tabular-nums whitespace-nowrap" },
    { key: "type", header: t("operations.type"), cell: (o) => `${t(`levelType.${o.type}`)} ${o.percent} %` },
    {
      key: "status",
      header: common("actions"),
      cell: (o) =>
        o.refundedAt ? (
          <Badge tone="gray" testId="operation-refunded">
            {t("operations.refunded")}
          </Badge>
        ) : canRefund ? (
          <RefundButton operationId={o.id} summary={`${money(o.amount)}, ${formatDateTime(format, o.createdAt)}`} />
        ) : null,
    },
  ];
}
