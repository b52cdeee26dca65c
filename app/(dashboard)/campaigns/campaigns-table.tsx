"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Badge, type BadgeTone } from "@/components/shell/badge";
import type { CampaignRow } from "@/lib/campaigns/campaigns.queries";
import type { CampaignState } from "@/lib/campaigns/campaign-state";

const TONE: Record<CampaignState, BadgeTone> = { running: "green", scheduled: "blue", ended: "gray", inactive: "amber" };

type Props = { rows: CampaignRow[]; nextCursor: string | null; prevCursor: string | null };

export function CampaignsTable({ rows, nextCursor, prevCursor }: Props) {
  const t = useTranslations("campaigns");
  const common = useTranslations("common");
  const columns = useMemo<ColumnDef<CampaignRow, unknown>[]>(
    () => [
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row: { original: c } }) => (
          <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid="campaign-link">
            {c.name}
          </Link>
        ),
      },
      {
        id: "state",
        header: t("columns.state"),
        cell: ({ row: { original: c } }) => <Badge tone={TONE[c.state]}>{t(`state.${c.state}`)}</Badge>,
      },
      {
        id: "period",
        header: t("columns.period"),
        cell: ({ row: { original: c } }) => (
          <span className="whitespace-nowrap tabular-nums text-slate-700">
            {c.startsOn} — {c.endsOn ?? t("openEnded")}
          </span>
        ),
      },
      { id: "points", header: t("columns.points"), cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.bonusPoints}</span> },
      { id: "mode", header: t("columns.mode"), cell: ({ row: { original: c } }) => (c.autoApprove ? t("auto") : t("manual")) },
      { id: "limit", header: t("columns.limit"), cell: ({ row: { original: c } }) => c.perUserDailyLimit ?? t("noLimit") },
      { id: "gtins", header: t("columns.gtins"), cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.gtinCount}</span> },
      {
        id: "scans",
        header: t("columns.scans"),
        cell: ({ row: { original: c } }) => (
          <Link href={`/scans?campaign=${c.id}`} className="text-xs text-slate-600 hover:underline">
            {t("scanCounts", c.scans)}
          </Link>
        ),
      },
    ],
    [t],
  );
  return <DataTable columns={columns} rows={rows} nextCursor={nextCursor} prevCursor={prevCursor} emptyText={common("empty")} testId="campaigns-table" />;
}
