"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { createUserAction } from "@/lib/users/users.actions";
import { ROLES } from "@/lib/auth/roles";

/** "New user" button and the dialog with the creation form. */
export function CreateUserButton() {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={ui.buttonPrimary} onClick={() => setOpen(true)} data-testid="user-create-open">
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-4 w-4">
          <path d="M10 4v12M4 10h12" strokeLinecap="round" />
        </svg>
        {t("newUser")}
      </button>
      {open ? (
        <Modal title={t("newUser")} onClose={() => setOpen(false)} testId="user-create-dialog">
          <UserForm onDone={() => setOpen(false)} />
        </Modal>
      ) : null}
    </>
  );
}

function UserForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = {
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? "staff"),
      password: String(form.get("password") ?? ""),
    };
    startTransition(async () => {
      const res = await createUserAction(input);
      if (!res.ok) {
        setFields(res.fields ?? {});
        setError(res.fields && Object.keys(res.fields).length ? null : res.error);
        return;
      }
      onDone();
      router.refresh();
    });
  };

  const field = (name: string, label: string, input: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`new-user-${name}`} className={ui.label}>
        {label}
      </label>
      <div className="mt-1.5">{input}</div>
      {fields[name] ? (
        <p className={ui.fieldError} data-testid={`user-form-error-${name}`}>
          {fields[name]}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="user-form">
      {error ? (
        <p role="alert" className={ui.alertError}>
          {error}
        </p>
      ) : null}
      {field(
        "email",
        t("fields.email"),
        <input id="new-user-email" name="email" type="email" required autoComplete="off" aria-invalid={!!fields.email} className={ui.input} />,
      )}
      {field("name", t("fields.name"), <input id="new-user-name" name="name" maxLength={100} autoComplete="off" className={ui.input} />)}
      {field(
        "role",
        t("fields.role"),
        <select id="new-user-role" name="role" defaultValue="staff" className={ui.input}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {common(`roles.${r}`)}
            </option>
          ))}
        </select>,
        t("hints.role"),
      )}
      {field(
        "password",
        t("fields.password"),
        <input id="new-user-password" name="password" type="password" required minLength={8} autoComplete="new-password" aria-invalid={!!fields.password} className={ui.input} />,
        t("hints.password"),
      )}
      <div className="flex justify-end gap-2 pt-2">
        <button type="button" className={ui.buttonSecondary} onClick={onDone}>
          {common("cancel")}
        </button>
        <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="user-form-submit">
          {common("create")}
        </button>
      </div>
    </form>
  );
}
