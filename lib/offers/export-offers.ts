import { csvCell } from "@/lib/csv/csv-cell";
import { listOffersForExport } from "@/lib/offers/offers.queries";
import type { OfferListFilters, OfferRow } from "@/lib/offers/offers.schema";

const COLUMNS: [string, (r: OfferRow) => string | number | boolean | null][] = [
  ["id", (r) => r.id],
  ["name", (r) => r.name],
  ["description", (r) => r.description],
  ["status", (r) => r.status],
  ["active", (r) => r.active],
  ["promocode_mode", (r) => r.promocodeMode],
  ["promocode", (r) => r.promocode],
  ["barcode_type", (r) => r.barcodeType],
  ["online", (r) => r.online],
  ["offline", (r) => r.offline],
  ["starts_at", (r) => r.startsAt],
  ["expires_at", (r) => r.expiresAt],
  ["targeting", (r) => r.targeting],
  ["segments", (r) => r.segmentIds.join(" ")],
  ["targeted_users", (r) => r.userCount],
  ["pool_codes", (r) => r.codeTotal],
  ["pool_codes_free", (r) => r.codeFree],
  ["redemptions", (r) => r.redemptionCount],
  ["created_at", (r) => r.createdAt],
];

/** The offer list as CSV (UTF-8 with a BOM so Excel shows Cyrillic), honouring the list's filters. */
export async function exportOffers({ filters, now = new Date() }: { filters: OfferListFilters; now?: Date }): Promise<string> {
  const rows = await listOffersForExport({ filters, now });
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const row of rows) lines.push(COLUMNS.map(([, get]) => csvCell(get(row), ",")).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}


