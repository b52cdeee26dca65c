"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { ui } from "@/components/shell/ui-classes";
import type { ScanRow } from "@/lib/scans/scans.queries";
import { ScanStatusBadge } from "./scan-status-badge";
import { ModerationDialog, type Decision } from "./moderation-dialog";

type Props = {
  rows: ScanRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  templates: Record<Decision, string[]>;
};

export function ScansTable({ rows, nextCursor, prevCursor, templates }: Props) {
  const t = useTranslations("scans");
  const common = useTranslations("common");
  const format = useFormatter();
  const [dialog, setDialog] = useState<{ decision: Decision; ids: string[]; clear: () => void } | null>(null);
  const columns = useMemo<ColumnDef<ScanRow, unknown>[]>(
    () => [
      {
        id: "time",
        header: t("columns.time"),
        cell: ({ row: { original: s } }) => (
          <Link href={`/scans/${s.id}`} className="whitespace-nowrap tabular-nums text-brand-700 hover:underline" data-testid="scan-link">
            {format.dateTime(new Date(s.createdAt), { dateStyle: "short", timeStyle: "medium" })}
          </Link>
        ),
      },
      {
        id: "user",
        header: t("columns.user"),
        cell: ({ row: { original: s } }) => (
          <Link href={`/scans?user=${encodeURIComponent(s.userId)}`} className="font-mono text-xs text-slate-700 hover:underline">
            {s.userId}
          </Link>
        ),
      },
      {
        id: "code",
        header: t("columns.code"),
        cell: ({ row: { original: s } }) => (
          <div className="max-w-[22rem]">
            <p className="truncate font-mono text-xs text-slate-900" title={s.code} data-testid="scan-code">
              {s.code}
            </p>
            <p className="text-xs text-slate-500">
              {t(`kind.${s.codeKind}` as "kind.text")}
              {s.gtin ? ` · GTIN ${s.gtin}` : ""}
              {s.serial ? ` · ${s.serial}` : ""}
            </p>
          </div>
        ),
      },
      {
        id: "campaign",
        header: t("columns.campaign"),
        cell: ({ row: { original: s } }) => <span className="text-slate-700">{s.campaignName ?? "—"}</span>,
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row: { original: s } }) => (
          <div className="space-y-1">
            <ScanStatusBadge status={s.status} />
            <p className="text-xs text-slate-500">{t(`reason.${s.reason}` as "reason.eligible")}</p>
          </div>
        ),
      },
      {
        id: "points",
        header: t("columns.points"),
        cell: ({ row: { original: s } }) => <span className="tabular-nums">{s.bonusPoints ?? "—"}</span>,
      },
      {
        id: "message",
        header: t("columns.message"),
        cell: ({ row: { original: s } }) => <span className="text-xs text-slate-600">{s.statusMessage ?? ""}</span>,
      },
    ],
    [t, format],
  );
  return (
    <>
      <DataTable
        columns={columns}
        rows={rows}
        nextCursor={nextCursor}
        prevCursor={prevCursor}
        emptyText={common("empty")}
        testId="scans-table"
        bulkActions={(ids, clear) => (
          <>
            <span className="text-slate-700" data-testid="scans-selected">
              {t("selected", { count: ids.length })}
            </span>
            <button type="button" className={`${ui.buttonPrimary} ${ui.buttonSmall}`} onClick={() => setDialog({ decision: "approved", ids, clear })} data-testid="bulk-approve">
              {t("approve")}
            </button>
            <button type="button" className={`${ui.buttonDanger} ${ui.buttonSmall}`} onClick={() => setDialog({ decision: "denied", ids, clear })} data-testid="bulk-deny">
              {t("deny")}
            </button>
          </>
        )}
      />
      {dialog ? (
        <ModerationDialog
          ids={dialog.ids}
          decision={dialog.decision}
          templates={templates[dialog.decision]}
          onClose={() => setDialog(null)}
          onDone={() => dialog.clear()}
        />
      ) : null}
    </>
  );
}
