"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { TableTotalProps } from "@/components/data-table/table-total";
import { formatDateTime } from "@/lib/format/date-format";
import type { DeliveryRow } from "@/lib/outbox/outbox.schema";
import { DeliveryStateBadge } from "./delivery-state-badge";
import { ReplayDeliveryButton } from "./replay-buttons";

type Props = { rows: DeliveryRow[]; nextCursor: string | null; prevCursor: string | null; isAdmin: boolean; total?: TableTotalProps };

export function DeliveriesTable({ rows, nextCursor, prevCursor, isAdmin, total }: Props) {
  const t = useTranslations("deliveries");
  const common = useTranslations("common");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<DeliveryRow, unknown>[]>(() => {
    const when = (iso: string | null) =>
      iso ? <span className="whitespace-nowrap text-slate-600">{formatDateTime(format, iso, { seconds: true })}</span> : <span className="text-slate-500">—</span>;
    const cols: ColumnDef<DeliveryRow, unknown>[] = [
      { id: "createdAt", header: t("columns.createdAt"), cell: ({ row: { original: d } }) => when(d.createdAt) },
      { id: "kind", header: t("columns.kind"), cell: ({ row: { original: d } }) => <span className="whitespace-nowrap">{t(`kinds.${d.kind}`)}</span> },
      {
        id: "entity",
        header: t("columns.entity"),
        cell: ({ row: { original: d } }) => (
          <div className="min-w-0 max-w-xs">
            {d.subject ? (
              <Link href={d.subject.href} className="block truncate text-brand-700 hover:underline" title={d.subject.label} data-testid="delivery-subject">
                {d.kind === "order_status" ? t("subject.order", { number: d.subject.label }) : t("subject.scan", { code: d.subject.label })}
              </Link>
            ) : (
              <span className="text-slate-500">{t("subject.gone")}</span>
            )}
            <code className="block truncate font-mono text-[11px] text-slate-500" title={d.entityId} data-testid="delivery-entity">
              {d.entityId}
            </code>
            <p className="text-xs text-slate-500">{t("version", { version: d.entityVersion })}</p>
          </div>
        ),
      },
      { id: "state", header: t("columns.state"), cell: ({ row: { original: d } }) => <DeliveryStateBadge state={d.state} attempts={d.attempts} /> },
      { id: "attempts", header: t("columns.attempts"), cell: ({ row: { original: d } }) => <span className="tabular-nums">{d.attempts}</span> },
      {
        id: "last",
        header: t("columns.last"),
        cell: ({ row: { original: d } }) => (
          <div className="max-w-xs" data-testid="delivery-failure">
            {d.lastStatus !== null ? <span className="font-mono text-xs">{t("httpStatus", { status: d.lastStatus })}</span> : null}
            {/* The reason in full, where the row is: a hover title hid it from touch screens and readers. */}
            {d.lastError ? <p className="line-clamp-3 break-words text-xs text-red-700">{t("failure", { reason: d.lastError })}</p> : null}
            {d.lastStatus === null && !d.lastError ? <span className="text-slate-500">—</span> : null}
          </div>
        ),
      },
      { id: "next", header: t("columns.next"), cell: ({ row: { original: d } }) => when(d.state === "pending" ? d.nextAttemptAt : null) },
      {
        id: "actions",
        header: () => <span className="sr-only">{common("actions")}</span>,
        cell: ({ row: { original: d } }) => (
          <div className="flex items-center justify-end gap-2">
            {isAdmin && (d.state === "dead" || d.state === "failed") ? <ReplayDeliveryButton id={d.id} small /> : null}
            <Link href={`/deliveries/${d.id}`} className="whitespace-nowrap text-sm text-brand-600 hover:underline" data-testid="delivery-open">
              {t("columns.open")}
            </Link>
          </div>
        ),
      },
    ];
    return cols;
  }, [t, common, format, isAdmin]);
  return (
    <DataTable
      columns={columns}
      rows={rows}
      nextCursor={nextCursor}
      prevCursor={prevCursor}
      emptyText={common("empty")}
      testId="deliveries-table"
      sortable={{ createdAt: "time" }}
      total={total}
    />
  );
}
