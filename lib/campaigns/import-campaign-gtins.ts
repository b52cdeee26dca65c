import { inTransaction, type Tx } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { sampleGtins } from "@/lib/campaigns/campaign-audit";
import { parseGtinCsv, type GtinCsvProblem } from "@/lib/campaigns/parse-gtin-csv";

export type GtinImportResult = { added: number; alreadyListed: number; problems: GtinCsvProblem[]; lines: number };

/**
 * Adds the GTINs of a CSV file to a campaign. Valid lines are imported, bad lines are reported with
 * their numbers so the admin can fix the file and import it again (adding is idempotent).
 */
export async function importCampaignGtins({
  id,
  csv,
  actor,
  requestId,
  tx,
}: {
  id: string;
  csv: string;
  actor: Actor;
  requestId?: string;
  tx?: Tx;
}): Promise<GtinImportResult> {
  const parsed = parseGtinCsv(csv);
  return inTransaction(tx, async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id }, select: { id: true } });
    if (!campaign) throw new AppError("not_found", "Campaign not found");
    const { count } = parsed.gtins.length
      ? await tx.campaignGtin.createMany({ data: parsed.gtins.map((gtin) => ({ campaignId: id, gtin })), skipDuplicates: true })
      : { count: 0 };
    if (count > 0) {
      await recordAudit({
        actor,
        action: "campaign.import_gtins",
        entityType: "Campaign",
        entityId: id,
        after: { added: count, lines: parsed.lines, problems: parsed.problems.length, gtins: sampleGtins(parsed.gtins) },
        requestId,
        tx,
      });
    }
    return { added: count, alreadyListed: parsed.gtins.length - count, problems: parsed.problems, lines: parsed.lines };
  });
}
