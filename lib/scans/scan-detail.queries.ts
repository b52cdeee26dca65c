import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/loyalty/get-balance";
import { phoneFromImshopUserId } from "@/lib/loyalty/imshop-user-phone";
import type { Gs1Element } from "@/lib/barcode/gs1-parse";
import type { Gs1Summary } from "@/lib/barcode/gs1-summary";
import type { ScanStatus } from "@/lib/scans/scans.schema";

export type ScanDetail = {
  id: string;
  createdAt: string;
  userId: string;
  barcode: string;
  timestamp: number;
  code: string;
  codeKind: string;
  gtin: string | null;
  serial: string | null;
  registered: boolean;
  status: ScanStatus;
  reason: string;
  success: boolean;
  alertTitle: string | null;
  alertMessage: string | null;
  statusMessage: string | null;
  bonusPoints: number | null;
  version: number;
  moderatedAt: string | null;
  moderatedBy: string | null;
  data: string | null;
  decoded: {
    encoding: string | null;
    symbology: string | null;
    separatorsInferred: boolean;
    elements: Gs1Element[];
    summary: Gs1Summary;
    error: string | null;
    duplicateOfId: string | null;
  };
  campaign: { id: string; name: string; bonusPoints: number; autoApprove: boolean } | null;
  ledger: { id: string; kind: string; amount: number; createdAt: string }[];
  client: { id: string; name: string | null; phone: string | null; balance: number } | null;
  otherScans: { id: string; createdAt: string; code: string; status: ScanStatus; reason: string; campaignName: string | null }[];
};

const OTHER_SCANS = 20;

/** One scan for its detail page: the decoded code, the money side, and the same user's other scans. */
export async function getScanDetail(id: string): Promise<ScanDetail | null> {
  const scan = await prisma.scan.findUnique({ where: { id }, include: { campaign: { select: { id: true, name: true, bonusPoints: true, autoApprove: true } } } });
  if (!scan) return null;
  const [moderator, ledger, client, others] = await Promise.all([
    scan.moderatedById ? prisma.user.findUnique({ where: { id: scan.moderatedById }, select: { email: true, name: true } }) : null,
    prisma.ledgerEntry.findMany({ where: { scanId: id }, orderBy: { id: "asc" }, select: { id: true, kind: true, amount: true, createdAt: true } }),
    findLinkedClient(scan.userId),
    prisma.scan.findMany({
      where: { userId: scan.userId, id: { not: id } },
      orderBy: [{ timestamp: "desc" }, { createdAt: "desc" }],
      take: OTHER_SCANS,
      select: { id: true, createdAt: true, code: true, status: true, reason: true, campaign: { select: { name: true } } },
    }),
  ]);
  const decoded = (scan.decoded ?? {}) as Partial<ScanDetail["decoded"]>;
  return {
    id: scan.id,
    createdAt: scan.createdAt.toISOString(),
    userId: scan.userId,
    barcode: scan.barcode,
    timestamp: scan.timestamp,
    code: scan.code,
    codeKind: scan.codeKind,
    gtin: scan.gtin,
    serial: scan.serial,
    registered: scan.registeredCode !== null,
    status: scan.status,
    reason: scan.reason,
    success: scan.success,
    alertTitle: scan.alertTitle,
    alertMessage: scan.alertMessage,
    statusMessage: scan.statusMessage,
    bonusPoints: scan.bonusPoints,
    version: scan.version,
    moderatedAt: scan.moderatedAt?.toISOString() ?? null,
    moderatedBy: moderator ? (moderator.name ?? moderator.email) : scan.moderatedById,
    data: scan.data === null ? null : JSON.stringify(scan.data, null, 2),
    decoded: {
      encoding: decoded.encoding ?? null,
      symbology: decoded.symbology ?? null,
      separatorsInferred: decoded.separatorsInferred ?? false,
      elements: decoded.elements ?? [],
      summary: decoded.summary ?? {},
      error: decoded.error ?? null,
      duplicateOfId: decoded.duplicateOfId ?? null,
    },
    campaign: scan.campaign,
    ledger: ledger.map((e) => ({ id: e.id.toString(), kind: e.kind, amount: e.amount, createdAt: e.createdAt.toISOString() })),
    client,
    otherScans: others.map((o) => ({
      id: o.id,
      createdAt: o.createdAt.toISOString(),
      code: o.code,
      status: o.status,
      reason: o.reason,
      campaignName: o.campaign?.name ?? null,
    })),
  };
}

/** The loyalty client an approval would credit (read only: nothing is created to show a page). */
async function findLinkedClient(userId: string): Promise<ScanDetail["client"]> {
  const phone = phoneFromImshopUserId(userId);
  const client =
    (await prisma.loyaltyClient.findUnique({ where: { imshopUserId: userId }, select: { id: true, name: true, phone: true } })) ??
    (phone ? await prisma.loyaltyClient.findUnique({ where: { phone }, select: { id: true, name: true, phone: true } }) : null);
  if (!client) return null;
  const balance = await getBalance({ clientId: client.id });
  return { ...client, balance: balance.ledger };
}
