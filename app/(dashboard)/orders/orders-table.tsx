"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { TableTotalProps } from "@/components/data-table/table-total";
import type { OrderRow } from "@/lib/orders/orders.queries";
import { StatusBadge } from "./status-badge";
import { formatDateTime } from "@/lib/format/date-format";

type Props = { rows: OrderRow[]; nextCursor: string | null; prevCursor: string | null; total?: TableTotalProps };

export function OrdersTable({ rows, nextCursor, prevCursor, total }: Props) {
  const t = useTranslations("orders");
  const common = useTranslations("common");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<OrderRow, unknown>[]>(
    () => [
      {
        id: "internalId",
        header: t("columns.number"),
        cell: ({ row: { original: r } }) => (
          <Link href={`/orders/${r.id}`} className="font-medium text-brand-600 hover:underline" data-testid="order-link">
            {r.internalId}
          </Link>
        ),
      },
      {
        id: "createdAt",
        header: t("columns.createdAt"),
        cell: ({ row: { original: r } }) => (
          <span className="whitespace-nowrap tabular-nums text-slate-600">
            {formatDateTime(format, r.orderCreatedAt)}
          </span>
        ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row: { original: r } }) => <StatusBadge code={r.statusCode} label={r.statusLabel} />,
      },
      {
        id: "imshopStatus",
        header: t("columns.imshopStatus"),
        cell: ({ row: { original: r } }) =>
          r.imshopStatus ? <code className="font-mono text-xs text-slate-700">{r.imshopStatus}</code> : <span className="text-slate-500">—</span>,
      },
      {
        id: "total",
        header: t("columns.total"),
        cell: ({ row: { original: r } }) => (
          <span className="whitespace-nowrap tabular-nums">{format.number(r.totalKopecks / 100, { style: "currency", currency: "RUB" })}</span>
        ),
      },
      {
        id: "user",
        header: t("columns.user"),
        cell: ({ row: { original: r } }) => <span className="font-mono text-xs text-slate-600">{r.userId ?? "—"}</span>,
      },
      {
        id: "items",
        header: t("columns.items"),
        cell: ({ row: { original: r } }) => (
          <span className="line-clamp-2 max-w-md text-slate-700" title={r.itemsSummary ?? undefined}>
            {r.itemsSummary ?? "—"}
          </span>
        ),
      },
      {
        id: "uuid",
        header: t("columns.uuid"),
        cell: ({ row: { original: r } }) => (
          <span className="font-mono text-xs text-slate-500" title={r.uuid ?? undefined}>
            {r.uuid ? `${r.uuid.slice(0, 8)}…` : "—"}
          </span>
        ),
      },
    ],
    [t, format],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows}
      nextCursor={nextCursor}
      prevCursor={prevCursor}
      emptyText={common("empty")}
      testId="orders-table"
      sortable={{ createdAt: "time" }}
      total={total}
    />
  );
}
