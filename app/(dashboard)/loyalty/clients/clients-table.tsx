"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { ClientRow } from "@/lib/loyalty/loyalty.queries";
import { formatDate } from "@/lib/format/date-format";

export function ClientsTable({ rows, nextCursor, prevCursor }: { rows: ClientRow[]; nextCursor: string | null; prevCursor: string | null }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<ClientRow, unknown>[]>(
    () => [
      {
        id: "name",
        header: t("clients.fields.name"),
        cell: ({ row: { original: c } }) => (
          <Link href={`/loyalty/clients/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid="client-link">
            {c.name || t("clients.noName")}
          </Link>
        ),
      },
      { id: "phone", header: t("clients.fields.phone"), cell: ({ row: { original: c } }) => <span className="whitespace-nowrap">{c.phone}</span> },
      { id: "card", header: t("clients.fields.cardNumber"), cell: ({ row: { original: c } }) => c.cardNumber ?? "—" },
      { id: "level", header: t("clients.fields.level"), cell: ({ row: { original: c } }) => c.level },
      {
        id: "balance",
        header: t("clients.balance"),
        cell: ({ row: { original: c } }) => <span className="tabular-nums">{format.number(c.balance)}</span>,
      },
      {
        id: "createdAt",
        header: common("createdAt"),
        cell: ({ row: { original: c } }) => <span className="whitespace-nowrap text-slate-600">{formatDate(format, c.createdAt)}</span>,
      },
    ],
    [t, common, format],
  );
  return <DataTable columns={columns} rows={rows} nextCursor={nextCursor} prevCursor={prevCursor} emptyText={common("empty")} testId="clients-table" />;
}
