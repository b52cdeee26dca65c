import { inTransaction, type Tx } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { CampaignData } from "@/lib/campaigns/campaigns.schema";
import { campaignAuditView, sampleGtins } from "@/lib/campaigns/campaign-audit";
import { campaignColumns } from "@/lib/campaigns/create-campaign";

/**
 * Admins edit a campaign; the GTIN list is replaced by the one given (only the difference is written).
 * Scans already decided keep their status and points: a campaign change applies to new scans.
 */
export async function updateCampaign({
  id,
  data,
  actor,
  requestId,
  tx,
}: {
  id: string;
  data: CampaignData;
  actor: Actor;
  requestId?: string;
  tx?: Tx;
}): Promise<{ id: string; added: number; removed: number }> {
  return inTransaction(tx, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${id} FOR UPDATE`;
    const before = await tx.campaign.findUnique({ where: { id }, include: { gtins: { select: { gtin: true } } } });
    if (!before) throw new AppError("not_found", "Campaign not found");
    const had = new Set(before.gtins.map((g) => g.gtin));
    const wanted = new Set(data.gtins);
    const added = data.gtins.filter((g) => !had.has(g));
    const removed = [...had].filter((g) => !wanted.has(g));

    await tx.campaign.update({ where: { id }, data: campaignColumns(data) });
    if (removed.length) await tx.campaignGtin.deleteMany({ where: { campaignId: id, gtin: { in: removed } } });
    if (added.length) await tx.campaignGtin.createMany({ data: added.map((gtin) => ({ campaignId: id, gtin })), skipDuplicates: true });

    await recordAudit({
      actor,
      action: "campaign.update",
      entityType: "Campaign",
      entityId: id,
      before: campaignAuditView({ ...before, gtinCount: had.size }),
      after: {
        ...campaignAuditView({ ...data, gtinCount: wanted.size }),
        gtinsAdded: sampleGtins(added),
        gtinsRemoved: sampleGtins(removed),
      },
      requestId,
      tx,
    });
    return { id, added: added.length, removed: removed.length };
  });
}
