import { inTransaction, type Tx } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { campaignAuditView } from "@/lib/campaigns/campaign-audit";

/**
 * Deletes a campaign that no scan refers to. Once scans point at it, it is part of their history
 * (points, texts), so it can only be switched off.
 */
export async function deleteCampaign({ id, actor, requestId, tx }: { id: string; actor: Actor; requestId?: string; tx?: Tx }) {
  return inTransaction(tx, async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id }, include: { _count: { select: { gtins: true, scans: true } } } });
    if (!before) throw new AppError("not_found", "Campaign not found");
    if (before._count.scans > 0) {
      throw new AppError("conflict", "The campaign has scans; switch it off instead", {
        fields: { campaign: "The campaign has scans; switch it off instead" },
      });
    }
    await tx.campaign.delete({ where: { id } });
    await recordAudit({
      actor,
      action: "campaign.delete",
      entityType: "Campaign",
      entityId: id,
      before: campaignAuditView({ ...before, gtinCount: before._count.gtins }),
      requestId,
      tx,
    });
    return { id };
  });
}
