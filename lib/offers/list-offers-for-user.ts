import { prisma, type Tx } from "@/lib/db";
import { logger, type Logger } from "@/lib/logger";
import { DEFAULT_BARCODE_TYPE, isBarcodeType } from "@/lib/barcode-render/barcode-types";
import { assignPoolCodes, peekPoolCodes } from "@/lib/offers/assign-pool-codes";
import { queryEligibleOffers, type EligibleOffer } from "@/lib/offers/query-eligible-offers";
import { recordSegments } from "@/lib/offers/record-segments";
import type { OffersResponse, WireOffer, WireSegment } from "@/lib/offers/offers.schema";

export type ListOffersOptions = { userId: string; segments: WireSegment[]; now?: Date; log?: Logger; tx?: Tx };

/**
 * Contract 4: the offers IMSHOP shows this user. Recording the segments runs beside the offers query
 * rather than before it (the query matches segment ids directly), so it adds no latency; a failure to
 * record them is logged and does not cost the user their offers.
 */
export async function listOffersForUser({ userId, segments, now = new Date(), log = logger, tx }: ListOffersOptions): Promise<OffersResponse> {
  const [built] = await Promise.all([
    buildOffers({ userId, segmentIds: segments.map((s) => s.id), now, dryRun: false, log, tx }),
    recordSegments({ segments, now, tx }).catch((err) => log.error({ err }, "could not record IMSHOP segments")),
  ]);
  return { offers: built.offers };
}

export type BuiltOffers = {
  offers: WireOffer[];
  /** Pool offers whose code is only an example: the user holds none yet (dry runs only). */
  examplePoolCodes: string[];
};

/**
 * The one path from the database to the wire, shared by the webhook and the dashboard's preview.
 * A dry run writes nothing: pool codes are not handed out (a free code is shown as an example).
 */
export async function buildOffers(opts: { userId: string; segmentIds: string[]; now: Date; dryRun: boolean; log?: Logger; tx?: Tx }): Promise<BuiltOffers> {
  const { userId, now, dryRun, log = logger, tx } = opts;
  const segmentIds = [...new Set(opts.segmentIds)];
  const rows = await queryEligibleOffers(tx ?? prisma, { userId, segmentIds, now });
  const needCode = rows.filter((r) => r.promocodeMode === "pool" && !r.assignedCode).map((r) => r.id);
  const given = dryRun ? await peekPoolCodes(tx ?? prisma, needCode) : await assignPoolCodes({ userId, offerIds: needCode, tx });
  const offers: WireOffer[] = [];
  for (const row of rows) {
    const promocode = row.promocodeMode === "pool" ? (row.assignedCode ?? given.get(row.id)) : row.promocode;
    if (!promocode) {
      // Leaving the offer out beats showing a banner with no code to scan at the till.
      log.warn({ offerId: row.id, mode: row.promocodeMode }, row.promocodeMode === "pool" ? "offer code pool exhausted" : "offer has no promocode");
      continue;
    }
    offers.push(toWire(row, promocode));
  }
  return { offers, examplePoolCodes: dryRun ? needCode.filter((id) => given.has(id)) : [] };
}

function toWire(row: EligibleOffer, promocode: string): WireOffer {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    promocode,
    barcodeType: isBarcodeType(row.barcodeType) ? row.barcodeType : DEFAULT_BARCODE_TYPE,
    online: row.online,
    offline: row.offline,
    used: row.used,
    expirationTimestamp: row.expiresAt ? Math.floor(row.expiresAt.getTime() / 1000) : null,
  };
}
