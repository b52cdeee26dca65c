"use client";

import { useTranslations } from "next-intl";
import { useUrlParams } from "@/components/data-table/use-url-params";

export function Pagination({ nextCursor, prevCursor }: { nextCursor: string | null; prevCursor: string | null }) {
  const t = useTranslations("common");
  const { update, params } = useUrlParams();
  const onFirstPage = !params.get("cursor");
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-40";
  return (
    <nav className="flex items-center justify-end gap-2" aria-label={t("pagination")}>
      <button className={button} disabled={onFirstPage} onClick={() => update({}, { resetCursor: true })}>
        {t("firstPage")}
      </button>
      <button className={button} disabled={!prevCursor || onFirstPage} onClick={() => update({ cursor: prevCursor, dir: "prev" })}>
        {t("prevPage")}
      </button>
      <button className={button} disabled={!nextCursor} onClick={() => update({ cursor: nextCursor, dir: "next" })}>
        {t("nextPage")}
      </button>
    </nav>
  );
}
