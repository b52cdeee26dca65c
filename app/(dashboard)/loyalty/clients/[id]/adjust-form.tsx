"use client";

import { useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { adjustBalanceAction } from "@/lib/loyalty/loyalty.actions";
import { Field, FormError, formValues, useActionSubmit } from "../../form-bits";

/** A manual correction: a signed number of points and the reason, kept in the ledger and the audit log. */
export function AdjustForm({ clientId }: { clientId: string }) {
  const t = useTranslations("loyalty");
  const form = useRef<HTMLFormElement>(null);
  const { pending, fields, error, submit } = useActionSubmit(() => form.current?.reset(), ["amount", "reason"]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    submit(() => adjustBalanceAction({ ...values, clientId }));
  };
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" data-testid="adjust-form">
      <FormError error={error} />
      <Field id="adjust-amount" label={t("adjust.amount")} error={fields.amount} hint={t("adjust.amountHint")}>
        <input id="adjust-amount" name="amount" type="number" step={1} required className={ui.input} />
      </Field>
      <Field id="adjust-reason" label={t("adjust.reason")} error={fields.reason}>
        <input id="adjust-reason" name="reason" required minLength={3} maxLength={500} className={ui.input} />
      </Field>
      <button type="submit" disabled={pending} className={ui.buttonPrimary}>
        {t("adjust.submit")}
      </button>
    </form>
  );
}
