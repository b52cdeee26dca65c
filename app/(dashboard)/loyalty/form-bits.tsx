"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { ui } from "@/components/shell/ui-classes";

// Small pieces the loyalty and API-key forms share: one labelled field, and a hook that runs a server
// action and spreads its answer into field errors or a form-level error.

type Result<T> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

/** `shown`: the fields the form displays errors beside; any other field's error goes on top of the form. */
export function useActionSubmit<T>(onDone: ((data: T) => void) | undefined, shown: string[]) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (call: () => Promise<Result<T>>) =>
    start(async () => {
      const res = await call();
      if (!res.ok) {
        const fieldErrors = res.fields ?? {};
        setFields(fieldErrors);
        const elsewhere = Object.entries(fieldErrors).find(([field]) => !shown.includes(field));
        setError(elsewhere ? elsewhere[1] : Object.keys(fieldErrors).length ? null : res.error);
        return;
      }
      setFields({});
      setError(null);
      onDone?.(res.data);
      router.refresh();
    });
  return { pending, fields, error, setError, submit };
}

export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={ui.label}>
        {label}
      </label>
      <div className="mt-1.5">{children}</div>
      {error ? (
        <p className={ui.fieldError} data-testid={`error-${id}`}>
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className={ui.alertError}>
      {error}
    </p>
  ) : null;
}

export function FormButtons({ pending, onCancel, submitLabel, cancelLabel }: { pending: boolean; onCancel: () => void; submitLabel: string; cancelLabel: string }) {
  return (
    <div className="flex justify-end gap-2 pt-2">
      <button type="button" className={ui.buttonSecondary} onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="form-submit">
        {submitLabel}
      </button>
    </div>
  );
}

/** Reads a form into plain strings (and "on" for ticked boxes), the shape the zod schemas parse. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
}
