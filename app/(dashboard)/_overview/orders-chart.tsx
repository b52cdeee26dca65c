"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OverviewSnapshot } from "@/lib/overview/overview.schema";
import { ChartCard, ChartPlaceholder } from "./chart-card";
import { useMounted } from "./use-mounted";

/** Orders per status code, labelled with the merchant's own status descriptions. */
export function OrdersChart({ rows }: { rows: OverviewSnapshot["ordersByStatus"] }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  const number = (value: unknown) => format.number(Number(value));
  const mounted = useMounted();
  const axis = { tick: { fontSize: 12, fill: "#475569" }, stroke: "#cbd5e1" };
  return (
    <ChartCard title={t("orders.title")} testId="overview-orders-chart">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("orders.empty")}</p>
      ) : !mounted ? (
        <ChartPlaceholder />
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 36)}>
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={number} {...axis} />
            <YAxis type="category" dataKey="label" width={140} {...axis} />
            <Tooltip formatter={(value: unknown) => [number(value), t("orders.count")] as [string, string]} />
            <Bar dataKey="count" name={t("orders.count")} fill="#2563eb" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
