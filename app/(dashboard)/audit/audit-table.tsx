"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { TableTotalProps } from "@/components/data-table/table-total";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import type { AuditRow } from "@/lib/audit/audit.schema";
import { entityHref } from "@/lib/audit/entity-href";
import { formatDateTime } from "@/lib/format/date-format";
import { systemActorMessage } from "@/lib/audit/audit-labels";

type Props = { rows: AuditRow[]; nextCursor: string | null; prevCursor: string | null; total?: TableTotalProps };

/** Names of actors, actions and entity types in the user's language. */
function auditLabels(t: ReturnType<typeof useTranslations<"audit">>) {
  return {
    actor: (label: string) => {
      const system = systemActorMessage(label);
      return system ? t(`actors.${system.key}` as "actors.cli", { name: system.values?.name ?? "" }) : label;
    },
    // Codes written by a newer release than these catalogues show as they are rather than as a key.
    action: (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}` as "actions.scan.approve") : code),
    entity: (type: string) => (t.has(`entities.${type}`) ? t(`entities.${type}` as "entities.Scan") : type),
  };
}

export function AuditTable({ rows, nextCursor, prevCursor, total }: Props) {
  const t = useTranslations("audit");
  const common = useTranslations("common");
  const format = useFormatter();
  const [selected, setSelected] = useState<AuditRow | null>(null);
  const { actor, action, entity } = useMemo(() => auditLabels(t), [t]);
  const columns = useMemo<ColumnDef<AuditRow, unknown>[]>(
    () => [
      {
        id: "createdAt",
        header: t("columns.time"),
        cell: ({ row: { original: r } }) => (
          <span className="whitespace-nowrap tabular-nums text-slate-600">
            {formatDateTime(format, r.createdAt, { seconds: true })}
          </span>
        ),
      },
      {
        id: "actor",
        header: t("columns.actor"),
        cell: ({ row: { original: r } }) => <span className="text-slate-800">{actor(r.actorLabel)}</span>,
      },
      {
        id: "action",
        header: t("columns.action"),
        cell: ({ row: { original: r } }) => (
          <span className="text-slate-800" data-testid="audit-action" title={r.action}>
            {action(r.action)}
          </span>
        ),
      },
      {
        id: "entity",
        header: t("columns.entity"),
        cell: ({ row: { original: r } }) => {
          const href = entityHref(r.entityType, r.entityId);
          const text = (
            <>
              {entity(r.entityType)} <span className="font-mono text-xs">{r.entityId}</span>
            </>
          );
          return href ? (
            <Link href={href} className="text-brand-700 hover:underline" data-testid="audit-entity-link">
              {text}
            </Link>
          ) : (
            <span className="text-slate-700">{text}</span>
          );
        },
      },
      {
        id: "details",
        header: () => <span className="sr-only">{t("details")}</span>,
        cell: ({ row: { original: r } }) => (
          <div className="text-right">
            <button type="button" className={`${ui.buttonSecondary} ${ui.buttonSmall}`} onClick={() => setSelected(r)} data-testid="audit-details">
              {t("details")}
            </button>
          </div>
        ),
      },
    ],
    [t, format, actor, action, entity],
  );
  return (
    <>
      <DataTable columns={columns} rows={rows} nextCursor={nextCursor} prevCursor={prevCursor} emptyText={common("empty")} testId="audit-table" total={total} />
      {selected ? (
        <Modal title={`${action(selected.action)} · ${entity(selected.entityType)} ${selected.entityId}`} onClose={() => setSelected(null)} width="max-w-4xl" testId="audit-detail">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-500">{t("columns.time")}</dt>
            <dd className="tabular-nums">{formatDateTime(format, selected.createdAt, { seconds: true })}</dd>
            <dt className="text-slate-500">{t("columns.actor")}</dt>
            <dd>{actor(selected.actorLabel)}</dd>
            {selected.requestId ? (
              <>
                <dt className="text-slate-500">{t("requestId")}</dt>
                <dd className="font-mono text-xs">{selected.requestId}</dd>
              </>
            ) : null}
          </dl>
          <div className="mt-5 grid grid-cols-1 gap-4 md:grid-cols-2">
            <JsonBlock title={t("before")} value={selected.before} empty={t("noValue")} testId="audit-before" />
            <JsonBlock title={t("after")} value={selected.after} empty={t("noValue")} testId="audit-after" />
          </div>
        </Modal>
      ) : null}
    </>
  );
}

function JsonBlock({ title, value, empty, testId }: { title: string; value: unknown; empty: string; testId: string }) {
  return (
    <div className="min-w-0">
      <p className="mb-1.5 text-xs font-semibold uppercase tracking-wider text-slate-500">{title}</p>
      <pre tabIndex={0} className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100" data-testid={testId}>
        {value === null || value === undefined ? <span className="text-slate-500">{empty}</span> : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
