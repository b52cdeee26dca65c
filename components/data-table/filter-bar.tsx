"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useUrlParams } from "@/components/data-table/use-url-params";

export type FilterField =
  | { name: string; label: string; type: "text" | "date" }
  | { name: string; label: string; type: "select"; options: { value: string; label: string }[] };

/** Filter inputs bound to URL parameters; applying them starts again from the first page. */
export function FilterBar({ fields }: { fields: FilterField[] }) {
  const t = useTranslations("common");
  const { params, update } = useUrlParams();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, params.get(f.name) ?? ""])),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update(values, { resetCursor: true });
  };
  const reset = () => {
    setValues(Object.fromEntries(fields.map((f) => [f.name, ""])));
    update(Object.fromEntries(fields.map((f) => [f.name, null])), { resetCursor: true });
  };
  // Compact, fixed widths: six filters and the two buttons fit one row beside the menu at 1440 px, and
  // wrap (not overflow) on narrower screens.
  const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const width = { text: "w-36", date: "w-32", select: "w-36" } as const;
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" role="search" data-testid="filter-bar">
      {fields.map((f) => (
        <label key={f.name} className={`flex min-w-0 flex-col gap-1 text-xs text-slate-600 ${width[f.type]}`}>
          {f.label}
          {f.type === "select" ? (
            <select name={f.name} className={input} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
              <option value="">{t("any")}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              name={f.name}
              type={f.type}
              className={input}
              value={values[f.name]}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            />
          )}
        </label>
      ))}
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
        {t("apply")}
      </button>
      <button type="button" onClick={reset} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
        {t("reset")}
      </button>
    </form>
  );
}
