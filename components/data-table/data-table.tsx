"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Pagination } from "@/components/data-table/pagination";

type Props<T extends { id: string }> = {
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  emptyText: string;
  /** Shown above the table when rows are selected; receives the selected ids. */
  bulkActions?: (selectedIds: string[], clear: () => void) => ReactNode;
  testId?: string;
};

/** A server-paginated table: rows and cursors come from the page's query; navigation is by URL. */
export function DataTable<T extends { id: string }>({ columns, rows, nextCursor, prevCursor, emptyText, bulkActions, testId }: Props<T>) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const common = useTranslations("common");
  // TanStack's table instance is mutable by design; the React Compiler skipping this component is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    enableRowSelection: !!bulkActions,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
  });
  const selected = Object.keys(rowSelection).filter((id) => rowSelection[id]);

  return (
    <div className="space-y-3" data-testid={testId}>
      {bulkActions && selected.length > 0 ? (
        <div className="flex items-center gap-3 rounded-md border border-brand-600/30 bg-brand-50 px-3 py-2 text-sm">
          {bulkActions(selected, () => setRowSelection({}))}
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {bulkActions ? (
                  <th className="w-8 px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={common("selectAll")}
                      checked={table.getIsAllRowsSelected()}
                      onChange={table.getToggleAllRowsSelectedHandler()}
                    />
                  </th>
                ) : null}
                {group.headers.map((header) => (
                  <th key={header.id} className="px-3 py-2 text-left font-medium text-slate-600">
                    {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
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
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50" data-row-id={row.id}>
                  {bulkActions ? (
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        aria-label={common("selectRow", { n: row.index + 1 })}
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
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination nextCursor={nextCursor} prevCursor={prevCursor} />
    </div>
  );
}
