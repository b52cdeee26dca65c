"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/shell/badge";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { savePointAction } from "@/lib/loyalty/loyalty.actions";
import type { PointRow } from "@/lib/loyalty/loyalty.queries";
import { Field, FormButtons, FormError, formValues, useActionSubmit } from "../form-bits";
import { PlainTable } from "../plain-table";

/** The points of sale: their ids are what tills send as `point`, so they are shown in full. */
export function PointsManager({ points, canEdit }: { points: PointRow[]; canEdit: boolean }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const [editing, setEditing] = useState<PointRow | "new" | null>(null);
  return (
    <div className="space-y-4">
      {canEdit ? (
        <div className="flex justify-end">
          <button type="button" className={ui.buttonPrimary} onClick={() => setEditing("new")} data-testid="point-create-open">
            {t("points.new")}
          </button>
        </div>
      ) : null}
      <PlainTable
        testId="points-table"
        rows={points}
        emptyText={t("points.empty")}
        columns={[
          { key: "name", header: t("points.name"), cell: (p) => <span className="font-medium text-slate-900">{p.name}</span> },
          { key: "address", header: t("points.address"), cell: (p) => <span className="text-slate-600">{p.address ?? "—"}</span> },
          { key: "id", header: t("points.id"), cell: (p) => <code className="select-all rounded bg-slate-100 px-1.5 py-0.5 text-xs">{p.id}</code> },
          {
            key: "active",
            header: t("points.status"),
            cell: (p) => <Badge tone={p.active ? "green" : "gray"}>{p.active ? t("points.active") : t("points.inactive")}</Badge>,
          },
          { key: "operations", header: t("points.operations"), cell: (p) => p.operations, className: "text-right" },
          ...(canEdit
            ? [
                {
                  key: "actions",
                  header: <span className="sr-only">{common("actions")}</span>,
                  cell: (p: PointRow) => (
                    <button type="button" className={`${ui.buttonSecondary} ${ui.buttonSmall}`} onClick={() => setEditing(p)}>
                      {common("edit")}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <Modal title={editing === "new" ? t("points.new") : t("points.edit")} onClose={() => setEditing(null)} testId="point-dialog">
          <PointForm point={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        </Modal>
      ) : null}
    </div>
  );
}

function PointForm({ point, onDone }: { point: PointRow | null; onDone: () => void }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const { pending, fields, error, submit } = useActionSubmit(onDone, ["name", "address"]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    submit(() => savePointAction({ ...values, id: point?.id ?? null }));
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="point-form">
      <FormError error={error} />
      <Field id="point-name" label={t("points.name")} error={fields.name}>
        <input id="point-name" name="name" required maxLength={200} defaultValue={point?.name} className={ui.input} />
      </Field>
      <Field id="point-address" label={t("points.address")} error={fields.address}>
        <input id="point-address" name="address" maxLength={300} defaultValue={point?.address ?? ""} className={ui.input} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="active" defaultChecked={point?.active ?? true} />
        {t("points.activeHint")}
      </label>
      <FormButtons pending={pending} onCancel={onDone} submitLabel={common("save")} cancelLabel={common("cancel")} />
    </form>
  );
}
