import type { ScanAnswer, ScanHistoryItem, ScanStatus } from "@/lib/scans/scans.schema";

export type AnswerRow = {
  id: string;
  success: boolean;
  status: ScanStatus;
  alertTitle: string | null;
  alertMessage: string | null;
  statusMessage: string | null;
};

export const ANSWER_SELECT = {
  id: true,
  success: true,
  status: true,
  alertTitle: true,
  alertMessage: true,
  statusMessage: true,
} as const;

/** The registration answer from a stored scan: a repeat gets exactly what the scan says now. */
export function toScanAnswer(scan: AnswerRow): ScanAnswer {
  return {
    success: scan.success,
    id: scan.id,
    status: scan.status,
    ...(scan.alertTitle ? { alertTitle: scan.alertTitle } : {}),
    ...(scan.alertMessage ? { alertMessage: scan.alertMessage } : {}),
    ...(scan.statusMessage ? { statusMessage: scan.statusMessage } : {}),
  };
}

export function toHistoryItem(scan: {
  id: string;
  barcode: string;
  timestamp: number;
  status: ScanStatus;
  statusMessage: string | null;
}): ScanHistoryItem {
  return {
    id: scan.id,
    code: scan.barcode,
    timestamp: scan.timestamp,
    status: scan.status,
    ...(scan.statusMessage ? { statusMessage: scan.statusMessage } : {}),
  };
}
