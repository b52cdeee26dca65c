"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { OfferRow } from "@/lib/offers/offers.schema";
import { BARCODE_TYPES, isBarcodeType } from "@/lib/barcode-render/barcode-types";
import { OfferStatusBadge } from "./offer-status-badge";
import { formatDateTime } from "@/lib/format/date-format";

type Props = { rows: OfferRow[]; nextCursor: string | null; prevCursor: string | null };

export function OffersTable({ rows, nextCursor, prevCursor }: Props) {
  const t = useTranslations("offers");
  const common = useTranslations("common");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<OfferRow, unknown>[]>(() => {
    const date = (iso: string | null) =>
      iso ? formatDateTime(format, iso) : <span className="text-slate-500">—</span>;
    return [
      {
        id: "offer",
        header: t("columns.offer"),
        cell: ({ row: { original: o } }) => (
          <div className="min-w-0">
            <Link href={`/offers/${encodeURIComponent(o.id)}`} className="font-mono text-xs font-medium text-brand-600 hover:underline" data-testid="offer-link">
              {o.id}
            </Link>
            <p className="text-slate-900">{o.name}</p>
          </div>
        ),
      },
      { id: "status", header: t("columns.status"), cell: ({ row: { original: o } }) => <OfferStatusBadge status={o.status} /> },
      {
        id: "promocode",
        header: t("columns.promocode"),
        cell: ({ row: { original: o } }) =>
          o.promocodeMode === "shared" ? (
            <code className="font-mono text-xs">{o.promocode}</code>
          ) : (
            <span className="text-xs text-slate-600">{t("poolSummary", { free: o.codeFree, total: o.codeTotal })}</span>
          ),
      },
      {
        id: "barcode",
        header: t("columns.barcode"),
        cell: ({ row: { original: o } }) => <span className="text-xs">{isBarcodeType(o.barcodeType) ? BARCODE_TYPES[o.barcodeType].label : o.barcodeType}</span>,
      },
      {
        id: "targeting",
        header: t("fields.targeting"),
        cell: ({ row: { original: o } }) => (
          <span className="text-xs text-slate-700">
            {t(`targeting.${o.targeting}`)}
            {o.targeting === "segments" ? `: ${o.segmentIds.join(", ")}` : o.targeting === "users" ? ` (${o.userCount})` : ""}
          </span>
        ),
      },
      { id: "startsAt", header: t("fields.startsAt"), cell: ({ row: { original: o } }) => <span className="whitespace-nowrap text-xs">{date(o.startsAt)}</span> },
      { id: "expiresAt", header: t("fields.expiresAt"), cell: ({ row: { original: o } }) => <span className="whitespace-nowrap text-xs">{date(o.expiresAt)}</span> },
      { id: "redemptions", header: t("columns.redemptions"), cell: ({ row: { original: o } }) => <span className="tabular-nums">{o.redemptionCount}</span> },
    ];
  }, [t, format]);
  return <DataTable columns={columns} rows={rows} nextCursor={nextCursor} prevCursor={prevCursor} emptyText={common("empty")} testId="offers-table" />;
}
