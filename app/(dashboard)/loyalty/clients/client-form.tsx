"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { saveClientAction } from "@/lib/loyalty/loyalty.actions";
import type { Option } from "@/lib/loyalty/loyalty.queries";
import { Field, FormButtons, FormError, formValues, useActionSubmit } from "../form-bits";

export type ClientFormValues = {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  cardNumber: string | null;
  appCode: string | null;
  birthday: string | null;
  photo: string | null;
  levelId: string;
};

/** "New client" / "Edit" button with its dialog; a new client's card opens after saving. */
export function ClientFormButton({ client, levels, label, testId }: { client: ClientFormValues | null; levels: Option[]; label: string; testId: string }) {
  const t = useTranslations("loyalty");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={client ? ui.buttonSecondary : ui.buttonPrimary} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
      {open ? (
        <Modal title={client ? t("clients.edit") : t("clients.new")} onClose={() => setOpen(false)} testId="client-dialog" width="max-w-lg">
          <ClientForm client={client} levels={levels} onDone={() => setOpen(false)} />
        </Modal>
      ) : null}
    </>
  );
}

function ClientForm({ client, levels, onDone }: { client: ClientFormValues | null; levels: Option[]; onDone: () => void }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const router = useRouter();
  const { pending, fields, error, submit } = useActionSubmit<string>((id) => {
    onDone();
    if (!client) router.push(`/loyalty/clients/${id}`);
  }, ["name", "phone", "email", "cardNumber", "appCode", "birthday", "levelId", "photo"]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    submit(() => saveClientAction({ ...values, id: client?.id ?? null }));
  };
  const text = (name: keyof ClientFormValues, type = "text", hint?: string) => (
    <Field id={`client-${name}`} label={t(`clients.fields.${name}`)} error={fields[name]} hint={hint}>
      <input id={`client-${name}`} name={name} type={type} defaultValue={client?.[name] ?? ""} className={ui.input} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="client-form">
      <FormError error={error} />
      {text("name")}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("phone", "tel", t("clients.phoneHint"))}
        {text("email", "email")}
        {text("cardNumber")}
        {text("appCode")}
        {text("birthday", "date")}
        <Field id="client-levelId" label={t("clients.fields.level")} error={fields.levelId}>
          <select id="client-levelId" name="levelId" defaultValue={client?.levelId ?? levels[0]?.value} className={ui.input} required>
            {levels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {text("photo", "url")}
      <FormButtons pending={pending} onCancel={onDone} submitLabel={common("save")} cancelLabel={common("cancel")} />
    </form>
  );
}
