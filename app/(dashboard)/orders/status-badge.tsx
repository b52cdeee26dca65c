"use client";

import { useTranslations } from "next-intl";

/** A status as staff know it: its description, with the code; a code nobody described is flagged. */
export function StatusBadge({ code, label }: { code: string; label: string | null }) {
  const t = useTranslations("orders");
  if (!label) {
    return (
      <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200" title={t("unmappedHint")}>
        <code className="font-mono">{code}</code> · {t("unmapped")}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800" data-testid="order-status">
      {label} <code className="font-mono text-[10px] text-slate-600">{code}</code>
    </span>
  );
}
