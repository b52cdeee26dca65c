export type CampaignState = "running" | "scheduled" | "ended" | "inactive";

/** Where a campaign stands at `now`; only "running" campaigns take scans. */
export function campaignState(c: { active: boolean; startsAt: Date; endsAt: Date | null }, now = new Date()): CampaignState {
  if (!c.active) return "inactive";
  if (c.startsAt > now) return "scheduled";
  if (c.endsAt && c.endsAt <= now) return "ended";
  return "running";
}
