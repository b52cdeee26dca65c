"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useUrlParams } from "@/components/data-table/use-url-params";

/** Column id → the `sort` URL value the page's query understands (only columns an index can order). */
export type SortableColumns = Record<string, string>;

export type SortState = { key: string; order: "asc" | "desc" };

/** The page's sort from the URL; `fallback` is the list's natural order (newest first). */
export function readSort(params: URLSearchParams, fallback: SortState): SortState {
  const key = params.get("sort") ?? fallback.key;
  const order = params.get("order") === "asc" ? "asc" : params.get("order") === "desc" ? "desc" : fallback.order;
  return { key, order };
}

/**
 * A column header that sorts by URL (`sort`, `order`), starting again from the first page: the rows
 * come from the server, so the order is the query's, not a re-shuffle of the 50 rows in view.
 */
export function SortHeader({ sortKey, fallback, children }: { sortKey: string; fallback: SortState; children: ReactNode }) {
  const t = useTranslations("table");
  const { params, update } = useUrlParams();
  const current = readSort(params, fallback);
  const active = current.key === sortKey;
  const next = active && current.order === "desc" ? "asc" : "desc";
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 font-medium text-slate-600 hover:text-slate-900"
      onClick={() => update({ sort: sortKey, order: next, pos: null }, { resetCursor: true })}
      data-testid={`sort-${sortKey}`}
      title={t(next === "asc" ? "sortAsc" : "sortDesc")}
    >
      {children}
      <span aria-hidden className={active ? "text-brand-700" : "text-slate-300"}>
        {active && current.order === "asc" ? "▲" : "▼"}
      </span>
    </button>
  );
}
