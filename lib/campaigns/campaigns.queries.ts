import { prisma, type Prisma } from "@/lib/db";
import { finishPage, keysetQuery, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import { parseCampaignTexts, type CampaignListFilters, type CampaignTexts } from "@/lib/campaigns/campaigns.schema";
import { campaignState, type CampaignState } from "@/lib/campaigns/campaign-state";
import { moscowIsoDate, moscowLastDay } from "@/lib/scans/moscow-day";
import type { ScanStatus } from "@/lib/scans/scans.schema";


export type CampaignRow = {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  bonusPoints: number;
  autoApprove: boolean;
  perUserDailyLimit: number | null;
  state: CampaignState;
  gtinCount: number;
  scans: Record<ScanStatus, number>;
  createdAt: string;
};

function stateWhere(state: CampaignState, now: Date): Prisma.CampaignWhereInput {
  if (state === "inactive") return { active: false };
  if (state === "scheduled") return { active: true, startsAt: { gt: now } };
  if (state === "ended") return { active: true, endsAt: { lte: now } };
  return { active: true, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

export async function listCampaigns({ filters, cursor, dir, take }: ListParams<CampaignListFilters>): Promise<Page<CampaignRow>> {
  const now = new Date();
  const where: Prisma.CampaignWhereInput[] = [];
  if (filters.q) where.push({ name: { contains: filters.q, mode: "insensitive" } });
  if (filters.state) where.push(stateWhere(filters.state, now));
  const page = keysetQuery(cursor, dir, take);
  const rows = await prisma.campaign.findMany({
    where: { AND: [...where, page.where] },
    orderBy: page.orderBy as Prisma.CampaignOrderByWithRelationInput[],
    take: page.take,
    include: { _count: { select: { gtins: true } } },
  });
  const counts = await prisma.scan.groupBy({
    by: ["campaignId", "status"],
    where: { campaignId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const plain = rows.map((r): CampaignRow => {
    const scans: Record<ScanStatus, number> = { processing: 0, approved: 0, denied: 0 };
    for (const c of counts) if (c.campaignId === r.id) scans[c.status] = c._count._all;
    return {
      id: r.id,
      name: r.name,
      startsOn: moscowIsoDate(r.startsAt),
      endsOn: r.endsAt ? moscowLastDay(r.endsAt) : null,
      bonusPoints: r.bonusPoints,
      autoApprove: r.autoApprove,
      perUserDailyLimit: r.perUserDailyLimit,
      state: campaignState(r, now),
      gtinCount: r._count.gtins,
      scans,
      createdAt: r.createdAt.toISOString(),
    };
  });
  return finishPage(plain, { cursor, dir, take, timeOf: (r) => new Date(r.createdAt) });
}

export type CampaignForm = {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  bonusPoints: number;
  autoApprove: boolean;
  perUserDailyLimit: number | null;
  active: boolean;
  gtins: string[];
  texts: CampaignTexts;
  state: CampaignState;
  scanCount: number;
};

/** A campaign as its edit form needs it (plain values; dates as Moscow calendar days). */
export async function getCampaignForm(id: string): Promise<CampaignForm | null> {
  const c = await prisma.campaign.findUnique({
    where: { id },
    include: { gtins: { select: { gtin: true }, orderBy: { gtin: "asc" } }, _count: { select: { scans: true } } },
  });
  if (!c) return null;
  return {
    id: c.id,
    name: c.name,
    startsOn: moscowIsoDate(c.startsAt),
    endsOn: c.endsAt ? moscowLastDay(c.endsAt) : null,
    bonusPoints: c.bonusPoints,
    autoApprove: c.autoApprove,
    perUserDailyLimit: c.perUserDailyLimit,
    active: c.active,
    gtins: c.gtins.map((g) => g.gtin),
    texts: parseCampaignTexts(c.texts),
    state: campaignState(c),
    scanCount: c._count.scans,
  };
}

/** Campaign names for filter menus, newest first. */
export async function listCampaignOptions(): Promise<{ id: string; name: string }[]> {
  return prisma.campaign.findMany({ orderBy: [{ startsAt: "desc" }, { id: "desc" }], take: 500, select: { id: true, name: true } });
}
