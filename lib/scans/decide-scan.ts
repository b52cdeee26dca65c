import type { Tx } from "@/lib/db";
import type { DecodedBarcode } from "@/lib/barcode/decode-barcode";
import type { TextLocale } from "@/lib/campaigns/campaigns.schema";
import { findCampaignForGtin, type ScanCampaign } from "@/lib/campaigns/find-campaign-for-gtin";
import { resolveScanTexts, type ScanOutcome, type ScanTexts } from "@/lib/scans/scan-texts";
import { startOfMoscowDay } from "@/lib/scans/moscow-day";
import type { ScanStatus } from "@/lib/scans/scans.schema";

/** Why a scan got its status; stored on the scan. */
export type ScanReason = "eligible" | "unparseable" | "duplicate" | "no_campaign" | "expired" | "limit" | "moderated";

export type ScanDecision = {
  status: ScanStatus;
  reason: ScanReason;
  outcome: ScanOutcome;
  campaign: ScanCampaign | null;
  /** Set only when the code is accepted: the scan then holds the code against later registrations. */
  registeredCode: string | null;
  texts: ScanTexts;
  duplicateOfId: string | null;
};

/**
 * The registration rules, in order: a code naming no product → unparseable; a code someone registered
 * before → duplicate; no campaign running for the product → no_campaign / expired; the user's daily
 * limit in that campaign used up → limit; otherwise eligible (approved at once when the campaign
 * auto-approves, else waiting for staff).
 */
export async function decideScan({
  decoded,
  userId,
  at,
  locale,
  tx,
}: {
  decoded: DecodedBarcode;
  userId: string;
  at: Date;
  locale: TextLocale;
  tx: Tx;
}): Promise<ScanDecision> {
  const deny = (reason: ScanReason, outcome: ScanOutcome, campaign: ScanCampaign | null, duplicateOfId: string | null = null): ScanDecision => ({
    status: "denied",
    reason,
    outcome,
    campaign,
    registeredCode: null,
    texts: resolveScanTexts({ outcome, locale, campaign }),
    duplicateOfId,
  });

  if (!decoded.gtin) return deny("unparseable", "unparseable", null);
  const match = await findCampaignForGtin({ gtin: decoded.gtin, at, tx });
  const campaign = match.running ?? match.lapsed;

  const holder = await tx.scan.findUnique({ where: { registeredCode: decoded.identity }, select: { id: true } });
  if (holder) return deny("duplicate", "duplicate", campaign, holder.id);

  if (!match.running) {
    const ended = match.lapsed?.ended ?? false;
    return deny(ended ? "expired" : "no_campaign", ended ? "expired" : "no_campaign", match.lapsed);
  }

  const running = match.running;
  if (running.perUserDailyLimit !== null) {
    // Two scans from one user at the same instant must not both slip under the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scan-limit:${running.id}:${userId}`}))`;
    const today = await tx.scan.count({
      where: { userId, campaignId: running.id, status: { in: ["processing", "approved"] }, createdAt: { gte: startOfMoscowDay(at) } },
    });
    if (today >= running.perUserDailyLimit) return deny("limit", "limit", running);
  }

  const status: ScanStatus = running.autoApprove ? "approved" : "processing";
  return {
    status,
    reason: "eligible",
    outcome: status,
    campaign: running,
    registeredCode: decoded.identity,
    texts: resolveScanTexts({ outcome: status, locale, campaign: running }),
    duplicateOfId: null,
  };
}
