import { inTransaction, type Prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { CampaignData } from "@/lib/campaigns/campaigns.schema";
import { campaignAuditView, sampleGtins, type CampaignWrite } from "@/lib/campaigns/campaign-audit";

export function campaignColumns(data: CampaignData): CampaignWrite {
  return {
    name: data.name,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    bonusPoints: data.bonusPoints,
    autoApprove: data.autoApprove,
    perUserDailyLimit: data.perUserDailyLimit,
    active: data.active,
    texts: data.texts as Prisma.InputJsonValue,
  };
}

/** Admins create a bonus campaign with its GTIN list; audited in the same transaction. */
export async function createCampaign({
  data,
  actor,
  requestId,
  tx,
}: {
  data: CampaignData;
  actor: Actor;
  requestId?: string;
  tx?: Tx;
}): Promise<{ id: string }> {
  return inTransaction(tx, async (tx) => {
    const campaign = await tx.campaign.create({ data: campaignColumns(data), select: { id: true } });
    if (data.gtins.length) {
      await tx.campaignGtin.createMany({ data: data.gtins.map((gtin) => ({ campaignId: campaign.id, gtin })) });
    }
    await recordAudit({
      actor,
      action: "campaign.create",
      entityType: "Campaign",
      entityId: campaign.id,
      after: { ...campaignAuditView({ ...data, gtinCount: data.gtins.length }), gtins: sampleGtins(data.gtins) },
      requestId,
      tx,
    });
    return campaign;
  });
}
