"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import type { OperationRow } from "@/lib/loyalty/loyalty.queries";
import { useOperationColumns } from "./operation-columns";

type Props = { rows: OperationRow[]; nextCursor: string | null; prevCursor: string | null; canRefund: boolean };

export function OperationsTable({ rows, nextCursor, prevCursor, canRefund }: Props) {
  const common = useTranslations("common");
  const plain = useOperationColumns({ canRefund, showClient: true });
  const columns: ColumnDef<OperationRow, unknown>[] = plain.map((c) => ({
    id: c.key,
    header: () => c.header,
    cell: ({ row }) => <div className={c.className}>{c.cell(row.original)}</div>,
  }));
  return <DataTable columns={columns} rows={rows} nextCursor={nextCursor} prevCursor={prevCursor} emptyText={common("empty")} testId="operations-table" />;
}
