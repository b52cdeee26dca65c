"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import type { ImportResult } from "@/lib/loyalty/import-clients";
import { importClientsAction } from "@/lib/loyalty/loyalty.actions";
import { FormError, useActionSubmit } from "../form-bits";

// The column names the importer reads: the same in every language, so not in the catalogue.
const CSV_HEADER = "phone;name;email;birthday;card_number;app_code;level;balance";

const MAX_BYTES = 900 * 1024;

/** CSV import: all rows or none; bad rows come back with their line numbers. */
export function ImportButton() {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { pending, error, setError, submit } = useActionSubmit<ImportResult>(setResult, []);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setResult(null);
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setError(t("import.chooseFile"));
    if (file.size > MAX_BYTES) return setError(t("errors.importTooLarge", { max: "900 KB" }));
    const csv = await file.text();
    submit(() => importClientsAction({ csv }));
  };

  return (
    <>
      <button type="button" className={ui.buttonSecondary} onClick={() => setOpen(true)} data-testid="clients-import-open">
        {t("import.button")}
      </button>
      {open ? (
        <Modal title={t("import.title")} onClose={() => setOpen(false)} testId="clients-import-dialog" width="max-w-lg">
          <form onSubmit={onSubmit} className="space-y-4">
            <p className="text-sm text-slate-600">{t("import.help")}</p>
            <code className="block rounded bg-slate-100 px-2 py-1 text-xs">{CSV_HEADER}</code>
            <input name="file" type="file" accept=".csv,text/csv" className="block text-sm" data-testid="clients-import-file" />
            <FormError error={error} />
            {result && result.errors.length > 0 ? (
              <div className={ui.alertError} role="alert">
                <p>{t("import.rejected")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {result.errors.map((err) => (
                    <li key={`${err.line}-${err.column}`}>{t("import.lineError", { line: err.line, column: err.column, problem: t(`import.problems.${err.problem}`) })}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {result && result.errors.length === 0 ? (
              <p className={ui.alertSuccess} role="status" data-testid="clients-import-result">
                {t("import.done", { created: result.created, updated: result.updated })}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <button type="button" className={ui.buttonSecondary} onClick={() => setOpen(false)}>
                {common("close")}
              </button>
              <button type="submit" disabled={pending} className={ui.buttonPrimary}>
                {t("import.submit")}
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </>
  );
}
