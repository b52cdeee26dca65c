import { z } from "zod";

/** Day buckets and the overview's business day are Moscow's, like every date the dashboard shows. */
export const OVERVIEW_TIME_ZONE = "Europe/Moscow";
export const OVERVIEW_DAYS = 30;
export const TOP_CAMPAIGNS = 5;

const count = z.number().int().nonnegative();

export const overviewDaySchema = z.object({
  day: z.iso.date(),
  approved: count,
  denied: count,
  credited: count,
  earned: count,
  spent: count,
});

/** What the worker stores in OverviewSnapshot.data; parsed on the way out so a stale shape is recomputed, not shown. */
export const overviewSnapshotSchema = z.object({
  days: z.array(overviewDaySchema),
  ordersByStatus: z.array(z.object({ code: z.string(), label: z.string(), count })),
  topCampaigns: z.array(z.object({ id: z.string(), name: z.string(), approved: count })),
});

export type OverviewDay = z.infer<typeof overviewDaySchema>;
export type OverviewSnapshot = z.infer<typeof overviewSnapshotSchema>;

export type PushHealth = {
  delivered: number;
  rejected: number;
  dead: number;
  lastSuccessAt: string | null;
  circuits: { kind: "scan_status" | "order_status"; mode: "closed" | "open" | "half_open" | "paused" }[];
};

export type SetupStep = { key: "scanStatusUrl" | "orderStatusUrl" | "outboundKey" | "webhookKey"; done: boolean };

/** Everything the overview page renders: plain data, safe to hand to client chart components. */
export type Overview = {
  waiting: { count: number; capped: boolean; oldestAt: string | null };
  snapshot: OverviewSnapshot & { refreshedAt: string };
  push: PushHealth;
  setup: SetupStep[] | null;
};
