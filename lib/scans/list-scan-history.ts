import { prisma, type Db } from "@/lib/db";
import { toHistoryItem } from "@/lib/scans/scan-answer";
import type { ScanHistoryItem } from "@/lib/scans/scans.schema";

// A generous cap so one user's history can never make an unbounded answer.
export const HISTORY_LIMIT = 1000;

/** A user's scans for the app's history screen, newest first (uses the (userId, timestamp desc) index). */
export async function listScanHistory({ userId, tx }: { userId: string; tx?: Db }): Promise<ScanHistoryItem[]> {
  const rows = await (tx ?? prisma).scan.findMany({
    where: { userId },
    orderBy: [{ timestamp: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, barcode: true, timestamp: true, status: true, statusMessage: true },
  });
  return rows.map(toHistoryItem);
}
