import type { Prisma } from "@/lib/db";

/** The fields of a campaign that an audit entry records (GTINs as a count plus what changed). */
export function campaignAuditView(c: {
  name: string;
  startsAt: Date;
  endsAt: Date | null;
  bonusPoints: number;
  autoApprove: boolean;
  perUserDailyLimit: number | null;
  active: boolean;
  texts: unknown;
  gtinCount: number;
}) {
  return {
    name: c.name,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt?.toISOString() ?? null,
    bonusPoints: c.bonusPoints,
    autoApprove: c.autoApprove,
    perUserDailyLimit: c.perUserDailyLimit,
    active: c.active,
    texts: c.texts,
    gtinCount: c.gtinCount,
  };
}

// Audit rows stay readable for a large import: the first GTINs are listed, the rest counted.
export function sampleGtins(gtins: string[], max = 50) {
  return gtins.length <= max ? gtins : [...gtins.slice(0, max), `… ${gtins.length - max} more`];
}

export type CampaignWrite = Pick<
  Prisma.CampaignUncheckedCreateInput,
  "name" | "startsAt" | "endsAt" | "bonusPoints" | "autoApprove" | "perUserDailyLimit" | "active" | "texts"
>;
