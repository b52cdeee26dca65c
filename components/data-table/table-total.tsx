"use client";

import { useTranslations } from "next-intl";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { PAGE_SIZES } from "@/lib/pagination/keyset";

export type TableTotalProps = {
  /** Rows on this page. */
  shown: number;
  /** How many rows match, exact or the planner's estimate. */
  total: number;
  estimated: boolean;
  pageSize: number;
};

/** "1–50 of ~N" and the page-size choice; the position is kept in the URL (`pos`) by the pagination. */
export function TableTotal({ shown, total, estimated, pageSize }: TableTotalProps) {
  const t = useTranslations("table");
  const { params, update } = useUrlParams();
  const pos = Math.max(0, Number(params.get("pos")) || 0);
  const from = shown ? pos + 1 : 0;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
      <span data-testid="table-range" className="tabular-nums">
        {t(estimated ? "rangeEstimated" : "range", { from, to: pos + shown, total })}
      </span>
      <label className="flex items-center gap-1.5">
        {t("pageSize")}
        <select
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          value={pageSize}
          onChange={(e) => update({ size: e.target.value, pos: null }, { resetCursor: true })}
          data-testid="page-size"
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
