import { prisma, Prisma, type Tx } from "@/lib/db";
import { decodeBarcode, type DecodedBarcode } from "@/lib/barcode/decode-barcode";
import { creditScanPoints } from "@/lib/loyalty/credit-scan-points";
import { decideScan } from "@/lib/scans/decide-scan";
import { appLocale } from "@/lib/scans/scan-texts";
import { ANSWER_SELECT, toScanAnswer } from "@/lib/scans/scan-answer";
import type { ScanAnswer } from "@/lib/scans/scans.schema";

export type RegisterScanInput = {
  barcode: string;
  userId: string;
  timestamp: number;
  data?: Record<string, unknown> | null;
  now?: Date;
  tx?: Tx;
};

export type RegisteredScan = { answer: ScanAnswer; scanId: string; created: boolean };

const MAX_ATTEMPTS = 3;

/**
 * Registers a scan IMSHOP reports and answers it. The same userId + barcode + timestamp again returns the
 * stored answer and creates nothing. Everything happens in one short transaction with no outbound call;
 * an auto-approved scan's points are credited in it too.
 *
 * Concurrency: two requests racing on the same request key or the same code both try to insert, the
 * unique index makes the later one fail once the earlier commits, and the retry then sees the winner (a
 * repeat, or a code "already registered"). With a caller's `tx` there is no retry: the error propagates.
 */
export async function registerScan(input: RegisterScanInput): Promise<RegisteredScan> {
  if (input.tx) return attempt(input, input.tx);
  for (let i = 1; ; i++) {
    try {
      return await prisma.$transaction((tx) => attempt(input, tx), { timeout: 10000, maxWait: 5000 });
    } catch (error) {
      if (i < MAX_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function attempt(input: RegisterScanInput, tx: Tx): Promise<RegisteredScan> {
  const { barcode, userId, timestamp } = input;
  const existing = await tx.scan.findUnique({
    where: { userId_barcode_timestamp: { userId, barcode, timestamp } },
    select: ANSWER_SELECT,
  });
  if (existing) return { answer: toScanAnswer(existing), scanId: existing.id, created: false };

  const decoded = decodeBarcode(barcode);
  const now = input.now ?? new Date();
  const decision = await decideScan({ decoded, userId, at: now, locale: appLocale(input.data), tx });
  const campaign = decision.campaign;
  const scan = await tx.scan.create({
    data: {
      userId,
      barcode,
      timestamp,
      code: decoded.code,
      codeKind: decoded.kind,
      gtin: decoded.gtin,
      serial: decoded.serial,
      decoded: decodedJson(decoded, decision.duplicateOfId),
      registeredCode: decision.registeredCode,
      status: decision.status,
      reason: decision.reason,
      success: decision.status !== "denied",
      ...decision.texts,
      campaignId: campaign?.id ?? null,
      bonusPoints: campaign?.bonusPoints ?? null,
      data: input.data ? (input.data as Prisma.InputJsonValue) : Prisma.DbNull,
      createdAt: now,
    },
    select: ANSWER_SELECT,
  });
  if (scan.status === "approved" && campaign) {
    await creditScanPoints({ scanId: scan.id, userId, points: campaign.bonusPoints, tx });
  }
  return { answer: toScanAnswer(scan), scanId: scan.id, created: true };
}

// What staff see on the detail page; the columns already hold code, GTIN and serial.
function decodedJson(decoded: DecodedBarcode, duplicateOfId: string | null): Prisma.InputJsonValue {
  return {
    encoding: decoded.encoding,
    identity: decoded.identity,
    symbology: decoded.symbology,
    separatorsInferred: decoded.separatorsInferred,
    elements: decoded.elements,
    summary: decoded.summary,
    error: decoded.error,
    duplicateOfId,
  } as Prisma.InputJsonValue;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
