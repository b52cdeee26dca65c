"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/shell/badge";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { deleteLevelAction, saveLevelAction } from "@/lib/loyalty/loyalty.actions";
import type { LevelRow } from "@/lib/loyalty/loyalty.queries";
import { Field, FormButtons, FormError, formValues, useActionSubmit } from "../form-bits";
import { PlainTable } from "../plain-table";

export function LevelsManager({ levels, canEdit }: { levels: LevelRow[]; canEdit: boolean }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const [editing, setEditing] = useState<LevelRow | "new" | null>(null);
  const [deleting, setDeleting] = useState<LevelRow | null>(null);
  return (
    <div className="space-y-4">
      {canEdit ? (
        <div className="flex justify-end">
          <button type="button" className={ui.buttonPrimary} onClick={() => setEditing("new")} data-testid="level-create-open">
            {t("levels.new")}
          </button>
        </div>
      ) : null}
      <PlainTable
        testId="levels-table"
        rows={levels}
        emptyText={t("levels.empty")}
        columns={[
          {
            key: "title",
            header: t("levels.fields.title"),
            cell: (l) => (
              <span className="font-medium text-slate-900">
                {l.title} {l.isDefault ? <Badge tone="blue">{t("levels.default")}</Badge> : null}
              </span>
            ),
          },
          { key: "type", header: t("levels.fields.type"), cell: (l) => <Badge tone={l.type === "cashback" ? "green" : "amber"}>{t(`levelType.${l.type}`)}</Badge> },
          { key: "percent", header: t("levels.fields.percent"), cell: (l) => `${l.percent} %`, className: "text-right" },
          {
            key: "maxSpend",
            header: t("levels.fields.maxSpendPercent"),
            cell: (l) => (l.type === "cashback" ? `${l.maxSpendPercent} %` : "—"),
            className: "text-right",
          },
          { key: "clients", header: t("levels.clients"), cell: (l) => l.clients, className: "text-right" },
          ...(canEdit
            ? [
                {
                  key: "actions",
                  header: <span className="sr-only">{common("actions")}</span>,
                  cell: (l: LevelRow) => (
                    <div className="flex justify-end gap-1.5">
                      <button type="button" className={`${ui.buttonSecondary} ${ui.buttonSmall}`} onClick={() => setEditing(l)}>
                        {common("edit")}
                      </button>
                      {!l.isDefault && l.clients === 0 ? (
                        <button type="button" className={`${ui.buttonDanger} ${ui.buttonSmall}`} onClick={() => setDeleting(l)}>
                          {common("delete")}
                        </button>
                      ) : null}
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <Modal title={editing === "new" ? t("levels.new") : t("levels.edit")} onClose={() => setEditing(null)} testId="level-dialog">
          <LevelForm level={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        </Modal>
      ) : null}
      {deleting ? <DeleteLevel level={deleting} onDone={() => setDeleting(null)} /> : null}
    </div>
  );
}

function LevelForm({ level, onDone }: { level: LevelRow | null; onDone: () => void }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const { pending, fields, error, submit } = useActionSubmit(onDone, ["title", "type", "percent", "maxSpendPercent", "sortOrder", "isDefault"]);
  const [type, setType] = useState(level?.type ?? "cashback");
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    submit(() => saveLevelAction({ maxSpendPercent: "0", ...values, id: level?.id ?? null }));
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="level-form">
      <FormError error={error} />
      <Field id="level-title" label={t("levels.fields.title")} error={fields.title}>
        <input id="level-title" name="title" required maxLength={100} defaultValue={level?.title} className={ui.input} />
      </Field>
      <Field id="level-type" label={t("levels.fields.type")} error={fields.type} hint={t(`levels.typeHint.${type}`)}>
        <select id="level-type" name="type" value={type} onChange={(e) => setType(e.target.value as "cashback" | "discount")} className={ui.input}>
          <option value="cashback">{t("levelType.cashback")}</option>
          <option value="discount">{t("levelType.discount")}</option>
        </select>
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field id="level-percent" label={t("levels.fields.percent")} error={fields.percent}>
          <input id="level-percent" name="percent" type="number" min={0} max={100} step={1} required defaultValue={level?.percent ?? 5} className={ui.input} />
        </Field>
        {type === "cashback" ? (
          <Field id="level-max-spend" label={t("levels.fields.maxSpendPercent")} error={fields.maxSpendPercent}>
            <input
              id="level-max-spend"
              name="maxSpendPercent"
              type="number"
              min={0}
              max={100}
              step={1}
              required
              defaultValue={level?.maxSpendPercent ?? 100}
              className={ui.input}
            />
          </Field>
        ) : null}
      </div>
      <Field id="level-sort" label={t("levels.fields.sortOrder")} error={fields.sortOrder}>
        <input id="level-sort" name="sortOrder" type="number" min={0} max={10000} step={1} defaultValue={level?.sortOrder ?? 0} className={ui.input} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isDefault" defaultChecked={level?.isDefault ?? false} />
        {t("levels.defaultHint")}
      </label>
      {fields.isDefault ? <p className={ui.fieldError}>{fields.isDefault}</p> : null}
      <FormButtons pending={pending} onCancel={onDone} submitLabel={common("save")} cancelLabel={common("cancel")} />
    </form>
  );
}

function DeleteLevel({ level, onDone }: { level: LevelRow; onDone: () => void }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const { pending, error, submit } = useActionSubmit(onDone, []);
  return (
    <Modal title={t("levels.deleteTitle")} onClose={onDone}>
      <p className="text-sm text-slate-600">{t("levels.deleteText", { title: level.title })}</p>
      <div className="mt-4">
        <FormError error={error} />
      </div>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={ui.buttonSecondary} onClick={onDone}>
          {common("cancel")}
        </button>
        <button type="button" disabled={pending} className={ui.buttonDanger} onClick={() => submit(() => deleteLevelAction({ id: level.id }))}>
          {common("delete")}
        </button>
      </div>
    </Modal>
  );
}
