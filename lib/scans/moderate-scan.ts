import { inTransaction, type Tx } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { enqueueDelivery } from "@/lib/outbox/enqueue-delivery";
import { decodeBarcode } from "@/lib/barcode/decode-barcode";
import { parseCampaignTexts } from "@/lib/campaigns/campaigns.schema";
import { creditScanPoints, reverseScanCredit } from "@/lib/loyalty/credit-scan-points";
import { appLocale, fillPoints, resolveScanTexts } from "@/lib/scans/scan-texts";
import { isUniqueViolation } from "@/lib/scans/register-scan";
import type { ScanStatus, ScanStatusPush } from "@/lib/scans/scans.schema";

export type ModerationDecision = "approved" | "denied";

export type ModerationResult =
  | { id: string; outcome: "changed"; status: ScanStatus; credited: number; reversed: number; version: number }
  | { id: string; outcome: "unchanged"; status: ScanStatus }
  | { id: string; outcome: "skipped"; why: "not_found" | "duplicate" }
  /** The caller saw an older version: someone else decided the scan first, and their decision stands. */
  | { id: string; outcome: "skipped"; why: "decided_elsewhere"; status: ScanStatus; decidedBy: string | null; decidedAt: string | null };

/**
 * Staff approve or deny scans. For each scan that changes, in ONE transaction: the new status (version
 * bumped), the ledger (credit on approval, reversal when an approved scan is denied), the audit entry
 * and the queued push to IMSHOP. A scan already in the requested status is left alone (no push).
 * Approving a scan whose code another scan holds is skipped: that would credit one code twice.
 * `versions` (scan id → the version the moderator saw) makes a decision conditional: when two staff
 * decide the same scan at once the first commit wins, and the second is skipped (no second credit,
 * no second push) with the winner's name, instead of silently overturning it.
 */
export async function moderateScans({
  ids,
  decision,
  message,
  versions,
  actor,
  requestId,
  now = new Date(),
  tx,
}: {
  ids: string[];
  versions?: Record<string, number>;
  decision: ModerationDecision;
  message?: string;
  actor: Actor;
  requestId?: string;
  now?: Date;
  tx?: Tx;
}): Promise<ModerationResult[]> {
  const unique = [...new Set(ids)];
  try {
    return await inTransaction(tx, async (tx) => {
      // Row locks in a fixed order: two bulk moderations of overlapping scans wait rather than deadlock.
      await tx.$queryRaw`SELECT id FROM "Scan" WHERE id = ANY(${unique}::text[]) ORDER BY id FOR UPDATE`;
      const scans = await tx.scan.findMany({ where: { id: { in: unique } }, select: SCAN_SELECT });
      const byId = new Map(scans.map((s) => [s.id, s]));
      const results: ModerationResult[] = [];
      for (const id of unique) {
        const scan = byId.get(id);
        const seen = versions?.[id];
        if (!scan) results.push({ id, outcome: "skipped", why: "not_found" });
        else if (seen !== undefined && seen !== scan.version) results.push(await decidedElsewhere(scan, tx));
        else results.push(await moderateOne({ scan, decision, message, actor, requestId, now, tx }));
      }
      return results;
    });
  } catch (error) {
    // Another scan of the same code was approved at the same moment and committed first.
    if (isUniqueViolation(error)) throw new AppError("conflict", "This code was registered by another scan meanwhile");
    throw error;
  }
}

/** Who made the decision that stands: the newest moderation entry of the audit log (it has the label). */
async function decidedElsewhere(scan: LockedScan, tx: Tx): Promise<ModerationResult> {
  const last = await tx.auditLog.findFirst({
    where: { entityType: "Scan", entityId: scan.id, action: { in: ["scan.approve", "scan.deny"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actorLabel: true, createdAt: true },
  });
  return {
    id: scan.id,
    outcome: "skipped",
    why: "decided_elsewhere",
    status: scan.status,
    decidedBy: last?.actorLabel ?? null,
    decidedAt: last?.createdAt.toISOString() ?? null,
  };
}

const SCAN_SELECT = {
  id: true,
  userId: true,
  barcode: true,
  timestamp: true,
  status: true,
  statusMessage: true,
  version: true,
  registeredCode: true,
  bonusPoints: true,
  data: true,
  campaign: { select: { name: true, bonusPoints: true, texts: true } },
} as const;

type LockedScan = {
  id: string;
  userId: string;
  barcode: string;
  timestamp: number;
  status: ScanStatus;
  statusMessage: string | null;
  version: number;
  registeredCode: string | null;
  bonusPoints: number | null;
  data: unknown;
  campaign: { name: string; bonusPoints: number; texts: unknown } | null;
};

async function moderateOne({
  scan,
  decision,
  message,
  actor,
  requestId,
  now,
  tx,
}: {
  scan: LockedScan;
  decision: ModerationDecision;
  message?: string;
  actor: Actor;
  requestId?: string;
  now: Date;
  tx: Tx;
}): Promise<ModerationResult> {
  if (scan.status === decision) return { id: scan.id, outcome: "unchanged", status: scan.status };

  let registeredCode = scan.registeredCode;
  if (decision === "approved" && !registeredCode) {
    const identity = decodeBarcode(scan.barcode).identity;
    const holder = identity ? await tx.scan.findUnique({ where: { registeredCode: identity }, select: { id: true } }) : null;
    if (holder && holder.id !== scan.id) return { id: scan.id, outcome: "skipped", why: "duplicate" };
    registeredCode = identity || null;
  }

  const campaign = scan.campaign ? { ...scan.campaign, texts: parseCampaignTexts(scan.campaign.texts) } : null;
  const locale = appLocale(scan.data);
  const texts = resolveScanTexts({ outcome: decision, locale, campaign, points: scan.bonusPoints });
  if (message) {
    // One message for a bulk decision may say "{points} бонусов": each scan gets its own number, and the
    // word agrees with it ("1 бонус").
    const filled = fillPoints(message, scan.bonusPoints ?? 0, locale);
    texts.statusMessage = filled;
    texts.alertMessage = filled;
  }
  const updated = await tx.scan.update({
    where: { id: scan.id },
    data: {
      status: decision,
      reason: "moderated",
      success: decision === "approved",
      ...texts,
      registeredCode,
      moderatedById: actor.id ?? null,
      moderatedAt: now,
      version: { increment: 1 },
    },
    select: { version: true, statusMessage: true },
  });

  let credited = 0;
  let reversed = 0;
  if (decision === "approved") {
    const credit = await creditScanPoints({ scanId: scan.id, userId: scan.userId, points: scan.bonusPoints ?? 0, actorId: actor.id, tx });
    credited = credit?.amount ?? 0;
  } else if (scan.status === "approved") {
    reversed = (await reverseScanCredit({ scanId: scan.id, actorId: actor.id, tx })).reversed;
  }

  await recordAudit({
    actor,
    action: decision === "approved" ? "scan.approve" : "scan.deny",
    entityType: "Scan",
    entityId: scan.id,
    before: { status: scan.status, statusMessage: scan.statusMessage, version: scan.version },
    after: { status: decision, statusMessage: updated.statusMessage, version: updated.version, credited, reversed },
    requestId,
    tx,
  });

  const payload: ScanStatusPush = {
    id: scan.id,
    userId: scan.userId,
    code: scan.barcode,
    timestamp: scan.timestamp,
    status: decision,
    ...(updated.statusMessage ? { statusMessage: updated.statusMessage } : {}),
  };
  await enqueueDelivery({ kind: "scan_status", entityId: scan.id, entityVersion: updated.version, payload, tx });
  return { id: scan.id, outcome: "changed", status: decision, credited, reversed, version: updated.version };
}
