"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OverviewDay } from "@/lib/overview/overview.schema";
import { ChartCard, ChartPlaceholder } from "./chart-card";
import { useMounted } from "./use-mounted";

const COLORS = { approved: "#059669", denied: "#dc2626", credited: "#2563eb", earned: "#0d9488", spent: "#d97706" } as const;

/** Scan decisions (bars) with the bonuses they credited (line), and bonuses earned against spent, per day. */
export function DailyCharts({ days }: { days: OverviewDay[] }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  // Noon UTC of the stored Moscow date: whatever zone formats it, the calendar day stays the same.
  const day = (value: unknown) => format.dateTime(new Date(`${String(value)}T12:00:00Z`), { day: "2-digit", month: "2-digit" });
  const number = (value: unknown) => format.number(Number(value));
  const axis = { tick: { fontSize: 12, fill: "#475569" }, stroke: "#cbd5e1" };
  const mounted = useMounted();
  const tooltip = { labelFormatter: day, formatter: (value: unknown, name: unknown) => [number(value), String(name)] as [string, string] };

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <ChartCard title={t("decisions.title")} testId="overview-decisions-chart">
        {mounted ? <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="day" tickFormatter={day} minTickGap={16} {...axis} />
            <YAxis yAxisId="scans" allowDecimals={false} width={48} tickFormatter={number} {...axis} />
            <YAxis yAxisId="points" orientation="right" allowDecimals={false} width={56} tickFormatter={number} {...axis} />
            <Tooltip {...tooltip} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="scans" dataKey="approved" name={t("decisions.approved")} stackId="d" fill={COLORS.approved} isAnimationActive={false} />
            <Bar yAxisId="scans" dataKey="denied" name={t("decisions.denied")} stackId="d" fill={COLORS.denied} isAnimationActive={false} />
            <Line yAxisId="points" dataKey="credited" name={t("decisions.credited")} stroke={COLORS.credited} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer> : <ChartPlaceholder />}
      </ChartCard>
      <ChartCard title={t("points.title")} testId="overview-points-chart">
        {mounted ? <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="day" tickFormatter={day} minTickGap={16} {...axis} />
            <YAxis allowDecimals={false} width={56} tickFormatter={number} {...axis} />
            <Tooltip {...tooltip} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="earned" name={t("points.earned")} fill={COLORS.earned} isAnimationActive={false} />
            <Bar dataKey="spent" name={t("points.spent")} fill={COLORS.spent} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer> : <ChartPlaceholder />}
      </ChartCard>
    </div>
  );
}
