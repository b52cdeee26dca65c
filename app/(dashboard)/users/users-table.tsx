"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/shell/badge";
import type { UserRow } from "@/lib/users/users.schema";
import { UserRowActions } from "./user-row-actions";
import { formatDate, formatDateTime } from "@/lib/format/date-format";

type Props = { rows: UserRow[]; nextCursor: string | null; prevCursor: string | null; meId: string; activeAdmins: number };

export function UsersTable({ rows, nextCursor, prevCursor, meId, activeAdmins }: Props) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<UserRow, unknown>[]>(
    () => [
      {
        id: "user",
        header: t("columns.user"),
        cell: ({ row: { original: u } }) => (
          <div className="min-w-0">
            <p className="font-medium text-slate-900" data-testid="user-email">
              {u.email}
              {u.id === meId ? <span className="ml-2 text-xs font-normal text-slate-500">{t("you")}</span> : null}
            </p>
            {u.name ? <p className="text-xs text-slate-500">{u.name}</p> : null}
          </div>
        ),
      },
      {
        id: "role",
        header: t("columns.role"),
        cell: ({ row: { original: u } }) => (
          <Badge tone={u.role === "admin" ? "blue" : "gray"} testId="user-role">
            {common(`roles.${u.role}`)}
          </Badge>
        ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row: { original: u } }) => (
          <Badge tone={u.disabled ? "red" : "green"} testId="user-status">
            {u.disabled ? t("status.disabled") : t("status.active")}
          </Badge>
        ),
      },
      {
        id: "lastSignInAt",
        header: t("columns.lastSignIn"),
        cell: ({ row: { original: u } }) => (
          <span className="whitespace-nowrap text-slate-600">
            {u.lastSignInAt ? formatDateTime(format, u.lastSignInAt) : t("never")}
          </span>
        ),
      },
      {
        id: "createdAt",
        header: common("createdAt"),
        cell: ({ row: { original: u } }) => (
          <span className="whitespace-nowrap text-slate-600">{formatDate(format, u.createdAt)}</span>
        ),
      },
      {
        id: "actions",
        header: () => <span className="sr-only">{common("actions")}</span>,
        cell: ({ row: { original: u } }) => <UserRowActions user={u} isMe={u.id === meId} lastAdmin={u.role === "admin" && !u.disabled && activeAdmins <= 1} />,
      },
    ],
    [t, common, format, meId, activeAdmins],
  );
  return <DataTable columns={columns} rows={rows} nextCursor={nextCursor} prevCursor={prevCursor} emptyText={common("empty")} testId="users-table" />;
}
