"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { importOfferCodesAction, importOfferUsersAction } from "@/lib/offers/offers.actions";

const MAX_BYTES = 900_000;

/** Uploads a one-column CSV: pool codes, or the user ids a user-targeted offer is shown to. */
export function CsvImportForm({ offerId, kind }: { offerId: string; kind: "codes" | "users" }) {
  const t = useTranslations("offers");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    const pasted = String(data.get("text") ?? "");
    const replace = data.get("replace") === "on";
    startTransition(async () => {
      const csv = file instanceof File && file.size > 0 ? (file.size > MAX_BYTES ? null : await file.text()) : pasted;
      if (csv === null) return setMessage({ ok: false, text: t("import.tooBig") });
      if (!csv.trim()) return setMessage({ ok: false, text: t("import.empty") });
      const action = kind === "codes" ? importOfferCodesAction : importOfferUsersAction;
      const res = await action({ offerId, csv, replace });
      if (!res.ok) return setMessage({ ok: false, text: res.error });
      setMessage({ ok: true, text: t("import.done", res.data) });
      form.reset();
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-2" data-testid={`import-${kind}`}>
      <p className="text-xs text-slate-500">{t(`import.hint.${kind}`)}</p>
      <input type="file" name="file" accept=".csv,.txt,text/csv,text/plain" className="block text-sm" />
      <textarea name="text" rows={3} placeholder={t(`import.paste.${kind}`)} className={`${ui.input} font-mono text-xs`} data-testid={`import-${kind}-text`} />
      <div className="flex items-center justify-between gap-3">
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="replace" />
          {t(`import.replace.${kind}`)}
        </label>
        <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid={`import-${kind}-submit`}>
          {t("import.submit")}
        </button>
      </div>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? ui.alertSuccess : ui.alertError} data-testid={`import-${kind}-message`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
