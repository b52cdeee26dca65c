"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type OnChangeFn, type RowSelectionState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Pagination } from "@/components/data-table/pagination";
import { readSort, SortHeader, type SortableColumns, type SortState } from "@/components/data-table/sort-header";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { TableTotal, type TableTotalProps } from "@/components/data-table/table-total";

type Props<T extends { id: string }> = {
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  emptyText: string;
  /** Shown in a bar that sticks to the bottom of the window while rows are selected; receives the selected ids. */
  bulkActions?: (selectedIds: string[], clear: () => void) => ReactNode;
  /** Controlled selection, for pages that select by keyboard too. */
  selection?: RowSelectionState;
  onSelectionChange?: (next: RowSelectionState) => void;
  /** The row the keyboard points at: highlighted and marked aria-current. */
  activeRowId?: string | null;
  /** Names a row for screen readers ("select <label>"); the id when absent. */
  rowLabel?: (row: T) => string;
  /** Column id → the URL sort key, for the columns an index can sort by; `sortDefault` is the list's own order. */
  sortable?: SortableColumns;
  sortDefault?: SortState;
  /** "1–50 of ~N" under the table, with the page-size choice. */
  total?: TableTotalProps;
  testId?: string;
};

const NEWEST_FIRST: SortState = { key: "time", order: "desc" };

/** A server-paginated table: rows and cursors come from the page's query; navigation is by URL. */
export function DataTable<T extends { id: string }>(props: Props<T>) {
  const { columns, rows, nextCursor, prevCursor, emptyText, bulkActions, activeRowId, rowLabel, sortable, total, testId } = props;
  const sortDefault = props.sortDefault ?? NEWEST_FIRST;
  const t = useTranslations("table");
  const sort = readSort(useUrlParams().params, sortDefault);
  const [ownSelection, setOwnSelection] = useState<RowSelectionState>({});
  const rowSelection = props.selection ?? ownSelection;
  const setRowSelection = props.onSelectionChange ?? setOwnSelection;
  const onRowSelectionChange: OnChangeFn<RowSelectionState> = (updater) =>
    setRowSelection(typeof updater === "function" ? updater(rowSelection) : updater);
  // TanStack's table instance is mutable by design; the React Compiler skipping this component is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    enableRowSelection: !!bulkActions,
    state: { rowSelection },
    onRowSelectionChange,
  });
  // Only rows still on the page: one decided away (and gone from a filtered list) is no longer selected.
  const selected = rows.filter((r) => rowSelection[r.id]).map((r) => r.id);

  return (
    <div className="space-y-3" data-testid={testId}>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {bulkActions ? (
                  <th className="w-8 px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={t("selectAll")}
                      checked={table.getIsAllRowsSelected()}
                      onChange={table.getToggleAllRowsSelectedHandler()}
                    />
                  </th>
                ) : null}
                {group.headers.map((header) => {
                  const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  const sortKey = sortable?.[header.column.id];
                  return (
                    <th
                      key={header.id}
                      className="px-3 py-2 text-left font-medium text-slate-600"
                      aria-sort={sortKey && sort.key === sortKey ? (sort.order === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {sortKey ? (
                        <SortHeader sortKey={sortKey} fallback={sortDefault}>
                          {label}
                        </SortHeader>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length + (bulkActions ? 1 : 0)} className="px-3 py-8 text-center text-slate-500">
                  {emptyText}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => {
                const active = row.id === activeRowId;
                return (
                  <tr
                    key={row.id}
                    className={active ? "bg-brand-50 outline-2 -outline-offset-2 outline-brand-600" : "hover:bg-slate-50"}
                    data-row-id={row.id}
                    data-active={active ? "true" : undefined}
                    aria-current={active ? "true" : undefined}
                  >
                    {bulkActions ? (
                      <td className="px-3 py-2">
                        <input
                          type="checkbox"
                          aria-label={t("selectRow", { label: rowLabel ? rowLabel(row.original) : row.id })}
                          checked={row.getIsSelected()}
                          onChange={row.getToggleSelectedHandler()}
                        />
                      </td>
                    ) : null}
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className="px-3 py-2 align-top">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      {bulkActions && selected.length > 0 ? (
        // Below the table and sticky: it appears without pushing the rows down and stays in view while scrolling.
        <div
          className="sticky bottom-2 z-20 flex flex-wrap items-center gap-3 rounded-md border border-brand-600/30 bg-brand-50 px-3 py-2 text-sm shadow-lg"
          data-testid="bulk-bar"
        >
          {bulkActions(selected, () => setRowSelection({}))}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        {total ? <TableTotal {...total} /> : <span />}
        <Pagination nextCursor={nextCursor} prevCursor={prevCursor} pageSize={total?.pageSize} />
      </div>
    </div>
  );
}
