"use client";

import { useTranslations } from "next-intl";
import { useUrlParams } from "@/components/data-table/use-url-params";

/**
 * Keyset navigation. `pos` (the first row's offset) rides along in the URL only so the total can say
 * "51–100": the query itself never uses an offset.
 */
export function Pagination({ nextCursor, prevCursor, pageSize }: { nextCursor: string | null; prevCursor: string | null; pageSize?: number }) {
  const t = useTranslations("common");
  const table = useTranslations("table");
  const { update, params } = useUrlParams();
  const onFirstPage = !params.get("cursor");
  const pos = Math.max(0, Number(params.get("pos")) || 0);
  const step = (dir: 1 | -1) => (pageSize ? String(Math.max(0, pos + dir * pageSize)) : null);
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-40";
  return (
    <nav className="flex items-center justify-end gap-2" aria-label={table("pagination")}>
      <button className={button} disabled={onFirstPage} onClick={() => update({ pos: null }, { resetCursor: true })}>
        {t("firstPage")}
      </button>
      <button className={button} disabled={!prevCursor || onFirstPage} onClick={() => update({ cursor: prevCursor, dir: "prev", pos: step(-1) })}>
        {t("prevPage")}
      </button>
      <button className={button} disabled={!nextCursor} onClick={() => update({ cursor: nextCursor, dir: "next", pos: step(1) })}>
        {t("nextPage")}
      </button>
    </nav>
  );
}
