"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/shell/confirm-dialog";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { deleteOrderStatusAction, dismissUnmappedCodeAction } from "@/lib/orders/orders.actions";
import type { StatusListRow, UnmappedCodeRow } from "@/lib/orders/orders.queries";
import { StatusForm, type StatusDraft } from "./status-form";
import { formatDateTime } from "@/lib/format/date-format";

// Column keys of statuses.columns.* in the catalogue, in display order.
const COLUMNS = ["code", "description", "buyerText", "imshopStatus", "cancellable", "final", "cancelTarget", "orders"] as const;

type Props = { statuses: StatusListRow[]; unmapped: UnmappedCodeRow[]; imshopStatuses: string[]; canEdit: boolean };
type Editing = { mode: "create" | "update"; draft: StatusDraft } | null;

const blank = (code = "", sortOrder = 0): StatusDraft => ({
  code,
  description: "",
  buyerText: "",
  imshopStatus: "",
  cancellable: false,
  final: false,
  cancelTargetCode: "",
  sortOrder,
});

export function StatusesManager({ statuses, unmapped, imshopStatuses, canEdit }: Props) {
  const t = useTranslations("orders");
  const common = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const nextSort = statuses.reduce((m, s) => Math.max(m, s.sortOrder), 0) + 10;

  const act = (call: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      setError(null);
      const res = await call();
      if (!res.ok) setError(res.error ?? null);
      else router.refresh();
    });
  const { confirm, dialog } = useConfirm();
  const remove = async (code: string) => {
    if (await confirm({ message: t("statuses.confirmDelete", { code }), confirmLabel: common("delete"), danger: true })) act(() => deleteOrderStatusAction(code));
  };
  const yesNo = (v: boolean) => (v ? common("yes") : <span className="text-slate-500">{common("no")}</span>);

  return (
    <div className="space-y-5">
      {dialog}
      {error ? (
        <div role="alert" className={ui.alertError} data-testid="statuses-error">
          {error}
        </div>
      ) : null}
      {unmapped.length > 0 ? (
        <section className="rounded-xl border border-amber-200 bg-amber-50 p-4" data-testid="unmapped-warning">
          <h2 className="text-sm font-semibold text-amber-900">{t("statuses.unmappedTitle", { count: unmapped.length })}</h2>
          <p className="mt-1 text-sm text-amber-900/80">{t("statuses.unmappedText")}</p>
          <ul className="mt-3 space-y-1.5">
            {unmapped.map((u) => (
              <li key={u.code} className="flex flex-wrap items-center gap-2 text-sm" data-testid="unmapped-code" data-code={u.code}>
                <code className="rounded bg-white px-1.5 py-0.5 font-mono text-xs ring-1 ring-amber-200">{u.code}</code>
                <span className="text-amber-900/80">
                  {t("statuses.unmappedSeen", { count: u.count, at: formatDateTime(format, u.lastSeenAt) })}
                </span>
                {canEdit ? (
                  <>
                    <button type="button" className={`${ui.buttonSecondary} ${ui.buttonSmall}`} onClick={() => setEditing({ mode: "create", draft: blank(u.code, nextSort) })}>
                      {t("statuses.describe")}
                    </button>
                    <button type="button" className={`${ui.buttonGhost} ${ui.buttonSmall}`} disabled={pending} onClick={() => act(() => dismissUnmappedCodeAction(u.code))}>
                      {t("statuses.dismiss")}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canEdit ? (
        <div className="flex justify-end">
          <button type="button" className={ui.buttonPrimary} onClick={() => setEditing({ mode: "create", draft: blank("", nextSort) })} data-testid="status-new">
            {t("statuses.new")}
          </button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("statuses.readOnly")}</p>
      )}
      <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="statuses-table">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} className="px-3 py-2 font-medium">
                  {t(`statuses.columns.${c}`)}
                </th>
              ))}
              {canEdit ? <th className="px-3 py-2" /> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {statuses.length === 0 ? (
              <tr>
                <td colSpan={canEdit ? 9 : 8} className="px-3 py-8 text-center text-slate-500">
                  {t("statuses.empty")}
                </td>
              </tr>
            ) : null}
            {statuses.map((s) => (
              <tr key={s.code} data-testid="status-row" data-code={s.code}>
                <td className="px-3 py-2 font-mono text-xs">{s.code}</td>
                <td className="px-3 py-2">{s.description}</td>
                <td className="px-3 py-2" data-testid="status-buyer-text">{s.buyerText}</td>
                <td className="px-3 py-2 font-mono text-xs" data-testid="status-imshop">
                  {s.imshopStatus ?? <span className="font-sans text-amber-700">{t("statuses.noMapping")}</span>}
                </td>
                <td className="px-3 py-2">{yesNo(s.cancellable)}</td>
                <td className="px-3 py-2">{yesNo(s.final)}</td>
                <td className="px-3 py-2 font-mono text-xs">{s.cancelTargetCode ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{s.orders}</td>
                {canEdit ? (
                  <td className="whitespace-nowrap px-3 py-2 text-right">
                    <button type="button" className={`${ui.buttonSecondary} ${ui.buttonSmall}`} onClick={() => setEditing({ mode: "update", draft: toDraft(s) })} data-testid="status-edit">
                      {common("edit")}
                    </button>{" "}
                    <button type="button" className={`${ui.buttonDanger} ${ui.buttonSmall}`} disabled={pending} onClick={() => remove(s.code)} data-testid="status-delete">
                      {common("delete")}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <Modal
          title={editing.mode === "create" ? t("statuses.new") : t("statuses.editTitle", { code: editing.draft.code })}
          onClose={() => setEditing(null)}
          width="max-w-2xl"
          testId="status-dialog"
        >
          <StatusForm
            mode={editing.mode}
            initial={editing.draft}
            others={statuses.filter((s) => s.code !== editing.draft.code).map((s) => ({ code: s.code, description: s.description, final: s.final }))}
            imshopStatuses={imshopStatuses}
            onDone={() => {
              setEditing(null);
              router.refresh();
            }}
          />
        </Modal>
      ) : null}
    </div>
  );
}

function toDraft(s: StatusListRow): StatusDraft {
  return {
    code: s.code,
    description: s.description,
    buyerText: s.buyerText,
    imshopStatus: s.imshopStatus ?? "",
    cancellable: s.cancellable,
    final: s.final,
    cancelTargetCode: s.cancelTargetCode ?? "",
    sortOrder: s.sortOrder,
  };
}
