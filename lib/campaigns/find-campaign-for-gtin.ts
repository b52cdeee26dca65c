import { prisma, type Db } from "@/lib/db";
import { parseCampaignTexts, type CampaignTexts } from "@/lib/campaigns/campaigns.schema";

export type ScanCampaign = {
  id: string;
  name: string;
  bonusPoints: number;
  autoApprove: boolean;
  perUserDailyLimit: number | null;
  texts: CampaignTexts;
  startsAt: Date;
  endsAt: Date | null;
  active: boolean;
};

export type CampaignMatch = {
  /** The campaign that covers this GTIN right now, if any. */
  running: ScanCampaign | null;
  /** Otherwise the latest campaign that lists it (ended, not started yet, or switched off), for its texts. */
  lapsed: (ScanCampaign & { ended: boolean }) | null;
};

export function isRunning(c: Pick<ScanCampaign, "active" | "startsAt" | "endsAt">, at: Date): boolean {
  return c.active && c.startsAt <= at && (c.endsAt === null || c.endsAt > at);
}

/**
 * The campaigns listing a GTIN (one indexed lookup). When several run at once, the one that started
 * last wins: a newer campaign is the merchant's current intent.
 */
export async function findCampaignForGtin({ gtin, at, tx }: { gtin: string; at: Date; tx?: Db }): Promise<CampaignMatch> {
  const rows = await (tx ?? prisma).campaignGtin.findMany({
    where: { gtin },
    select: {
      campaign: {
        select: {
          id: true,
          name: true,
          bonusPoints: true,
          autoApprove: true,
          perUserDailyLimit: true,
          texts: true,
          startsAt: true,
          endsAt: true,
          active: true,
        },
      },
    },
  });
  const campaigns = rows
    .map(({ campaign }) => ({ ...campaign, texts: parseCampaignTexts(campaign.texts) }))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id.localeCompare(a.id));
  const running = campaigns.find((c) => isRunning(c, at)) ?? null;
  if (running) return { running, lapsed: null };
  const latest = campaigns.find((c) => c.startsAt <= at) ?? campaigns[0] ?? null;
  return { running: null, lapsed: latest ? { ...latest, ended: latest.endsAt !== null && latest.endsAt <= at } : null };
}
