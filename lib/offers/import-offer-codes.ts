import { randomUUID } from "node:crypto";
import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { barcodeListProblems } from "@/lib/barcode-render/render-barcode";
import { isBarcodeType } from "@/lib/barcode-render/barcode-types";
import { OfferRuleError } from "@/lib/offers/offer-errors";
import { describeProblems, parseCsvColumn } from "@/lib/offers/parse-csv-column";

export type ImportResult = { added: number; removed: number; duplicates: number; total: number };

/**
 * Adds unique codes to a pool offer from a CSV column. Codes already in the pool are skipped; with
 * `replace`, codes nobody holds yet are removed first, while codes already handed out stay with their
 * users (their banners show them). The whole file is refused when any line cannot be drawn as the
 * offer's barcode, so a pool never holds a code the till cannot scan.
 */
export async function importOfferCodes({ actor, offerId, csv, replace = false, tx }: { actor: Actor; offerId: string; csv: string; replace?: boolean; tx?: Tx }): Promise<ImportResult> {
  const parsed = parseCsvColumn(csv, { headers: ["code", "codes", "promocode", "промокод", "код"], maxLength: 200 });
  return inTransaction(tx, async (db) => {
    const offer = await db.offer.findUnique({ where: { id: offerId }, select: { promocodeMode: true, barcodeType: true } });
    if (!offer) throw new OfferRuleError("offerNotFound", offerId);
    if (offer.promocodeMode !== "pool") throw new OfferRuleError("notPool");
    const problems = [...parsed.problems];
    if (isBarcodeType(offer.barcodeType)) {
      const codes = parsed.values.map((v) => v.value);
      for (const p of barcodeListProblems(offer.barcodeType, codes, 20)) problems.push({ line: parsed.values[p.index].line, reason: p.reason });
    }
    if (problems.length) throw new OfferRuleError("codesNotEncodable", describeProblems(problems.sort((a, b) => a.line - b.line)));
    if (parsed.values.length === 0) throw new OfferRuleError("nothingImported");

    const removed = replace ? (await db.offerCode.deleteMany({ where: { offerId, assignedUserId: null } })).count : 0;
    const codes = parsed.values.map((v) => v.value);
    // One statement with two array parameters: a 50,000-code file must not become 50,000 inserts.
    const added = await db.$executeRaw(Prisma.sql`
      INSERT INTO "OfferCode" ("id", "offerId", "code")
      SELECT c."id", ${offerId}, c."code" FROM unnest(${codes.map(() => randomUUID())}::text[], ${codes}::text[]) AS c("id", "code")
      ON CONFLICT ("offerId", "code") DO NOTHING`);
    const total = await db.offerCode.count({ where: { offerId } });
    const result = { added, removed, duplicates: parsed.duplicates + (codes.length - added), total };
    await recordAudit({ actor, action: "offer.import_codes", entityType: "offer", entityId: offerId, after: { ...result, replace }, tx: db });
    return result;
  });
}
