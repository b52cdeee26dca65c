"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { ui } from "@/components/shell/ui-classes";
import { formatDateTime } from "@/lib/format/date-format";
import type { ScanRow } from "@/lib/scans/scans.queries";
import { ScanStatusBadge } from "./scan-status-badge";
import type { Decision } from "./moderation-dialog";

/** The queue's columns; waiting rows get their own approve / deny buttons, beside the status so they stay in view. */
export function useScanColumns(decide: (row: ScanRow, decision: Decision) => void, pending: boolean) {
  const t = useTranslations("scans");
  const format = useFormatter();
  return useMemo<ColumnDef<ScanRow, unknown>[]>(
    () => [
      {
        id: "time",
        header: t("columns.time"),
        cell: ({ row: { original: s } }) => (
          <Link href={`/scans/${s.id}`} className="whitespace-nowrap tabular-nums text-brand-700 hover:underline" data-testid="scan-link">
            {formatDateTime(format, s.createdAt)}
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
          <div className="max-w-[18rem]">
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
        id: "decide",
        header: () => <span className="sr-only">{t("columns.decide")}</span>,
        cell: ({ row: { original: s } }) =>
          s.status === "processing" ? (
            <div className="flex gap-1.5 whitespace-nowrap">
              <button
                type="button"
                className={`${ui.buttonPrimary} ${ui.buttonSmall}`}
                disabled={pending}
                onClick={() => decide(s, "approved")}
                aria-label={t("quick.approveRow", { code: s.code })}
                data-testid="row-approve"
              >
                {t("approve")}
              </button>
              <button
                type="button"
                className={`${ui.buttonDanger} ${ui.buttonSmall}`}
                disabled={pending}
                onClick={() => decide(s, "denied")}
                aria-label={t("quick.denyRow", { code: s.code })}
                data-testid="row-deny"
              >
                {t("deny")}
              </button>
            </div>
          ) : null,
      },
      {
        id: "points",
        header: t("columns.points"),
        cell: ({ row: { original: s } }) => <span className="tabular-nums">{s.bonusPoints ?? "—"}</span>,
      },
      {
        id: "message",
        header: t("columns.message"),
        cell: ({ row: { original: s } }) => <p className="line-clamp-3 max-w-[14rem] text-xs text-slate-600">{s.statusMessage ?? ""}</p>,
      },
    ],
    [t, format, decide, pending],
  );
}
