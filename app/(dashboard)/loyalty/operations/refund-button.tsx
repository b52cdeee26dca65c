"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { refundOperationAction } from "@/lib/loyalty/loyalty.actions";
import { Field, FormButtons, FormError, formValues, useActionSubmit } from "../form-bits";

/** Admin refund of one purchase: writes reversing ledger entries (see refundOperation). */
export function RefundButton({ operationId, summary }: { operationId: string; summary: string }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const [open, setOpen] = useState(false);
  const { pending, fields, error, submit } = useActionSubmit(() => setOpen(false), ["reason"]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { reason } = formValues(e.currentTarget);
    submit(() => refundOperationAction({ operationId, reason }));
  };
  return (
    <>
      <button type="button" className={`${ui.buttonDanger} ${ui.buttonSmall}`} onClick={() => setOpen(true)} data-testid="operation-refund">
        {t("operations.refund")}
      </button>
      {open ? (
        <Modal title={t("operations.refundTitle")} onClose={() => setOpen(false)} testId="refund-dialog">
          <form onSubmit={onSubmit} className="space-y-4">
            <p className="text-sm text-slate-600">{t("operations.refundText", { summary })}</p>
            <FormError error={error} />
            <Field id={`refund-reason-${operationId}`} label={t("operations.refundReason")} error={fields.reason}>
              <input id={`refund-reason-${operationId}`} name="reason" maxLength={500} className={ui.input} />
            </Field>
            <FormButtons pending={pending} onCancel={() => setOpen(false)} submitLabel={t("operations.refund")} cancelLabel={common("cancel")} />
          </form>
        </Modal>
      ) : null}
    </>
  );
}
