import { csvCell } from "@/lib/csv/csv-cell";
import type { Db } from "@/lib/db";

// The status list in the form the seed asks to hand to the IMSHOP manager: every code with its
// description, what the buyer sees, the IMSHOP status it maps to, and the cancel rules.
export type ExportedStatus = {
  code: string;
  description: string;
  buyerText: string;
  imshopStatus: string | null;
  cancellable: boolean;
  final: boolean;
  cancelTargetCode: string | null;
};

const COLUMNS: (keyof ExportedStatus)[] = ["code", "description", "buyerText", "imshopStatus", "cancellable", "final", "cancelTargetCode"];

export async function loadExportedStatuses(db: Db): Promise<ExportedStatus[]> {
  return db.orderStatus.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, description: true, buyerText: true, imshopStatus: true, cancellable: true, final: true, cancelTargetCode: true },
  });
}

export function statusesToJson(statuses: ExportedStatus[]): string {
  return JSON.stringify({ statuses }, null, 2) + "\n";
}

/** RFC 4180 CSV with a BOM, so Excel opens the Cyrillic texts correctly. */
export function statusesToCsv(statuses: ExportedStatus[]): string {
  const lines = [COLUMNS.join(",")];
  for (const s of statuses) lines.push(COLUMNS.map((c) => csvCell(s[c], ",")).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}



export function exportFileName(format: "json" | "csv", now = new Date()): string {
  return `order-statuses-${now.toISOString().slice(0, 10)}.${format}`;
}
