"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/shell/badge";
import type { SegmentRow } from "@/lib/offers/offers.schema";
import { SegmentRowActions } from "./segment-form";
import { formatDate, formatDateTime } from "@/lib/format/date-format";

type Props = { rows: SegmentRow[]; nextCursor: string | null; prevCursor: string | null; canEdit: boolean };

export function SegmentsTable({ rows, nextCursor, prevCursor, canEdit }: Props) {
  const t = useTranslations("offers");
  const common = useTranslations("common");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<SegmentRow, unknown>[]>(() => {
    const cols: ColumnDef<SegmentRow, unknown>[] = [
      {
        id: "segment",
        header: t("segments.columns.segment"),
        cell: ({ row: { original: s } }) => (
          <div>
            <p className="text-slate-900" data-testid="segment-name">
              {s.name}
            </p>
            <code className="font-mono text-xs text-slate-500" data-testid="segment-id">
              {s.id}
            </code>
          </div>
        ),
      },
      {
        id: "source",
        header: t("segments.source"),
        cell: ({ row: { original: s } }) => <Badge tone={s.source === "imshop" ? "blue" : "gray"}>{t(`segments.sources.${s.source === "imshop" ? "imshop" : "admin"}`)}</Badge>,
      },
      {
        id: "offers",
        header: t("segments.columns.offers"),
        cell: ({ row: { original: s } }) =>
          s.offerCount > 0 ? (
            <Link href={`/offers?${new URLSearchParams({ segment: s.id })}`} className="tabular-nums text-brand-600" data-testid="segment-offer-count">
              {s.offerCount}
            </Link>
          ) : (
            <span className="tabular-nums text-slate-500" data-testid="segment-offer-count">
              0
            </span>
          ),
      },
      {
        id: "lastSeenAt",
        header: t("segments.columns.lastSeen"),
        cell: ({ row: { original: s } }) => (
          <span className="whitespace-nowrap text-xs text-slate-600">
            {s.lastSeenAt ? formatDateTime(format, s.lastSeenAt) : t("segments.neverSeen")}
          </span>
        ),
      },
      {
        id: "createdAt",
        header: common("createdAt"),
        cell: ({ row: { original: s } }) => <span className="whitespace-nowrap text-xs text-slate-600">{formatDate(format, s.createdAt)}</span>,
      },
    ];
    if (canEdit) {
      cols.push({
        id: "actions",
        header: () => <span className="sr-only">{common("actions")}</span>,
        cell: ({ row: { original: s } }) => <SegmentRowActions segment={s} />,
      });
    }
    return cols;
  }, [t, common, format, canEdit]);
  return <DataTable columns={columns} rows={rows} nextCursor={nextCursor} prevCursor={prevCursor} emptyText={common("empty")} testId="segments-table" />;
}
