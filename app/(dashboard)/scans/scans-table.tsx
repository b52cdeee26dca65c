"use client";

import type { RowSelectionState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { TableTotalProps } from "@/components/data-table/table-total";
import { ui } from "@/components/shell/ui-classes";
import type { ScanRow } from "@/lib/scans/scans.queries";
import { ModerationDialog, type Decision } from "./moderation-dialog";
import { useScanColumns } from "./scans-columns";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { QuickFeedbackLine } from "./quick-feedback";
import { useQueueKeys } from "./use-queue-keys";
import { useQuickModeration } from "./use-quick-moderation";

type Props = {
  rows: ScanRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  templates: Record<Decision, string[]>;
  total?: TableTotalProps;
};

export function ScansTable({ rows, nextCursor, prevCursor, templates, total }: Props) {
  const t = useTranslations("scans");
  const common = useTranslations("common");
  const [dialog, setDialog] = useState<{ decision: Decision; ids: string[] } | null>(null);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [activeId, setActiveId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const { decide, pending, feedback } = useQuickModeration();

  const quick = useCallback((row: ScanRow, decision: Decision) => decide([row], decision), [decide]);
  const columns = useScanColumns(quick, pending);
  const selectedIds = rows.filter((r) => selection[r.id]).map((r) => r.id);
  const active = rows.find((r) => r.id === activeId) ?? null;

  // The highlighted row scrolls into view as J/K move it.
  useEffect(() => {
    if (activeId) document.querySelector(`[data-row-id="${activeId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const decideByKey = (decision: Decision) => {
    if (selectedIds.length) setDialog({ decision, ids: selectedIds });
    else if (active?.status === "processing" && !pending) decide([active], decision);
  };
  useQueueKeys({
    move: (step) => {
      if (!rows.length) return;
      const at = rows.findIndex((r) => r.id === activeId);
      const next = at === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
      setActiveId(rows[next].id);
    },
    approve: () => decideByKey("approved"),
    deny: () => decideByKey("denied"),
    select: () => {
      if (active) setSelection((s) => ({ ...s, [active.id]: !s[active.id] }));
    },
    help: () => setHelp(true),
  });

  const points = rows.filter((r) => selection[r.id]).reduce((sum, r) => sum + (r.bonusPoints ?? 0), 0);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <QuickFeedbackLine feedback={feedback} />
        <button type="button" className={`${ui.buttonGhost} ${ui.buttonSmall} ml-auto`} onClick={() => setHelp(true)} data-testid="shortcuts-open">
          {t("shortcuts.open")}
        </button>
      </div>
      <DataTable
        columns={columns}
        rows={rows}
        nextCursor={nextCursor}
        prevCursor={prevCursor}
        emptyText={common("empty")}
        testId="scans-table"
        selection={selection}
        onSelectionChange={setSelection}
        activeRowId={activeId}
        rowLabel={(r) => t("quick.rowLabel", { code: r.code })}
        sortable={{ time: "time" }}
        total={total}
        bulkActions={(ids) => (
          <>
            <span className="text-slate-700" data-testid="scans-selected">
              {t("selected", { count: ids.length })}
            </span>
            <span className="font-medium tabular-nums text-slate-900" data-testid="scans-selected-points">
              {t("quick.selectedPoints", { count: ids.length, points })}
            </span>
            <button type="button" className={`${ui.buttonPrimary} ${ui.buttonSmall}`} onClick={() => setDialog({ decision: "approved", ids })} data-testid="bulk-approve">
              {t("approve")}
            </button>
            <button type="button" className={`${ui.buttonDanger} ${ui.buttonSmall}`} onClick={() => setDialog({ decision: "denied", ids })} data-testid="bulk-deny">
              {t("deny")}
            </button>
          </>
        )}
      />
      {dialog ? (
        <ModerationDialog
          ids={dialog.ids}
          versions={Object.fromEntries(rows.filter((r) => dialog.ids.includes(r.id)).map((r) => [r.id, r.version]))}
          decision={dialog.decision}
          templates={templates[dialog.decision]}
          onClose={() => setDialog(null)}
          onDone={() => setSelection({})}
        />
      ) : null}
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
    </>
  );
}
