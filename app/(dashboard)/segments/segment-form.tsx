"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { useConfirm } from "@/components/shell/confirm-dialog";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import type { SegmentRow } from "@/lib/offers/offers.schema";
import { createSegmentAction, deleteSegmentAction, renameSegmentAction } from "@/lib/offers/segments.actions";

export function CreateSegmentButton() {
  const t = useTranslations("offers");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={ui.buttonPrimary} onClick={() => setOpen(true)} data-testid="segment-create-open">
        {t("segments.new")}
      </button>
      {open ? (
        <Modal title={t("segments.new")} onClose={() => setOpen(false)} testId="segment-dialog">
          <SegmentForm onDone={() => setOpen(false)} />
        </Modal>
      ) : null}
    </>
  );
}

export function SegmentRowActions({ segment }: { segment: SegmentRow }) {
  const t = useTranslations("offers");
  const common = useTranslations("common");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const remove = async () => {
    if (!(await confirm({ message: t("segments.confirmDelete", { id: segment.id }), confirmLabel: common("delete"), danger: true }))) return;
    startTransition(async () => {
      const res = await deleteSegmentAction({ segmentId: segment.id });
      if (!res.ok) return setError(res.error);
      router.refresh();
    });
  };
  return (
    <div className="flex items-center justify-end gap-1">
      {dialog}
      <button type="button" className={`${ui.buttonGhost} ${ui.buttonSmall}`} onClick={() => setEditing(true)}>
        {common("edit")}
      </button>
      <button type="button" className={`${ui.buttonGhost} ${ui.buttonSmall} text-red-700`} onClick={remove} disabled={pending}>
        {common("delete")}
      </button>
      {error ? (
        <span role="alert" className="max-w-xs text-xs text-red-600">
          {error}
        </span>
      ) : null}
      {editing ? (
        <Modal title={t("segments.rename")} onClose={() => setEditing(false)}>
          <SegmentForm segment={segment} onDone={() => setEditing(false)} />
        </Modal>
      ) : null}
    </div>
  );
}

function SegmentForm({ segment, onDone }: { segment?: SegmentRow; onDone: () => void }) {
  const t = useTranslations("offers");
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = { id: segment?.id ?? String(data.get("id") ?? ""), name: String(data.get("name") ?? "") };
    startTransition(async () => {
      const res = segment ? await renameSegmentAction(input) : await createSegmentAction(input);
      if (!res.ok) {
        setFields(res.fields ?? {});
        setError(res.error);
        return;
      }
      onDone();
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="segment-form">
      {error ? (
        <p role="alert" className={ui.alertError}>
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="segment-id" className={ui.label}>
          {t("segments.id")}
        </label>
        <input id="segment-id" name="id" defaultValue={segment?.id} disabled={!!segment} required maxLength={200} className={`${ui.input} mt-1.5 font-mono`} aria-invalid={!!fields.id} />
        <p className="mt-1 text-xs text-slate-500">{fields.id ?? t("segments.idHint")}</p>
      </div>
      <div>
        <label htmlFor="segment-name" className={ui.label}>
          {t("segments.name")}
        </label>
        <input id="segment-name" name="name" defaultValue={segment?.name} required maxLength={500} className={`${ui.input} mt-1.5`} aria-invalid={!!fields.name} />
        {fields.name ? <p className={ui.fieldError}>{fields.name}</p> : null}
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" className={ui.buttonSecondary} onClick={onDone}>
          {common("cancel")}
        </button>
        <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="segment-form-submit">
          {segment ? common("save") : common("create")}
        </button>
      </div>
    </form>
  );
}
