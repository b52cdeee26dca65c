import type pg from "pg";
import { normalizeGtin } from "@/lib/barcode/gtin";
import { barcodeListProblems } from "@/lib/barcode-render/render-barcode";
import { isBarcodeType } from "@/lib/barcode-render/barcode-types";
import { ImportFailure, type DataRecord, type ImportHandler, type RowError } from "@/lib/imports/import-handler";

// The one-column kinds (offer codes, offer users, campaign GTINs): a file of one value per line, or a
// table whose header names the column. Idempotent by the tables' own keys: ON CONFLICT DO NOTHING.

type ListContext = { column: number; barcodeType?: string };

/** The column whose header is one of `headers`; without such a header the first column, and the first row is data. */
function pickColumn(first: string[], headers: string[]): { firstIsHeader: boolean; context: ListContext } {
  const at = first.findIndex((c) => headers.includes(c.trim().toLowerCase()));
  return at >= 0 ? { firstIsHeader: true, context: { column: at } } : { firstIsHeader: false, context: { column: 0 } };
}

/** The batch's values (one per record), with blank and over-long ones refused; duplicates within the batch dropped. */
function readValues(records: DataRecord[], context: ListContext, columnName: string, maxLength: number) {
  const errors: RowError[] = [];
  const values: { value: string; line: number }[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const value = (r.cells[context.column] ?? "").trim();
    if (!value) errors.push({ line: r.line, column: columnName, reason: "valueMissing" });
    else if (value.length > maxLength) errors.push({ line: r.line, column: columnName, reason: "valueTooLong", params: { max: maxLength } });
    else if (!seen.has(value)) {
      seen.add(value);
      values.push({ value, line: r.line });
    }
  }
  return { values, errors };
}

async function targetExists(client: pg.Pool | pg.PoolClient, table: "Offer" | "Campaign", id: string | null) {
  if (!id) return false;
  const { rowCount } = await client.query(`SELECT 1 FROM "${table}" WHERE id = $1`, [id]);
  return (rowCount ?? 0) > 0;
}

export const offerCodesHandler: ImportHandler = {
  async start(job, first, db) {
    const { rows } = await db.query<{ promocodeMode: string; barcodeType: string }>('SELECT "promocodeMode", "barcodeType" FROM "Offer" WHERE id = $1', [job.targetId]);
    if (!rows[0]) throw new ImportFailure("offerNotFound");
    if (rows[0].promocodeMode !== "pool") throw new ImportFailure("offerNotPool");
    const picked = pickColumn(first, ["code", "codes", "promocode", "промокод", "код"]);
    return { firstIsHeader: picked.firstIsHeader, context: { ...picked.context, barcodeType: rows[0].barcodeType } };
  },
  // A code the offer's barcode cannot draw is refused, so a pool never holds a code the till cannot scan.
  async write({ client, job, records, context, firstBatch }) {
    const ctx = context as ListContext;
    const { values, errors } = readValues(records, ctx, "code", 200);
    let codes = values;
    if (ctx.barcodeType && isBarcodeType(ctx.barcodeType)) {
      const bad = new Map(barcodeListProblems(ctx.barcodeType, values.map((v) => v.value), values.length).map((p) => [p.index, p.reason]));
      codes = values.filter((v, i) => {
        const reason = bad.get(i);
        if (reason !== undefined) errors.push({ line: v.line, column: "code", reason: "codeNotEncodable", params: { detail: reason } });
        return reason === undefined;
      });
    }
    // "Replace": the codes nobody holds yet go, in the first batch's transaction; handed-out codes stay.
    if (firstBatch && job.replace) await client.query('DELETE FROM "OfferCode" WHERE "offerId" = $1 AND "assignedUserId" IS NULL', [job.targetId]);
    const inserted = await client.query(
      `INSERT INTO "OfferCode" (id, "offerId", code) SELECT gen_random_uuid()::text, $1, c FROM unnest($2::text[]) AS c
       ON CONFLICT ("offerId", code) DO NOTHING`,
      [job.targetId, codes.map((c) => c.value)],
    );
    return { created: inserted.rowCount ?? 0, updated: 0, errors };
  },
};

export const offerUsersHandler: ImportHandler = {
  async start(job, first, db) {
    if (!(await targetExists(db, "Offer", job.targetId))) throw new ImportFailure("offerNotFound");
    return pickColumn(first, ["userid", "user_id", "user id", "id", "пользователь"]);
  },
  async write({ client, job, records, context, firstBatch }) {
    const { values, errors } = readValues(records, context as ListContext, "user_id", 200);
    if (firstBatch && job.replace) await client.query('DELETE FROM "OfferUser" WHERE "offerId" = $1', [job.targetId]);
    const inserted = await client.query(
      `INSERT INTO "OfferUser" ("offerId", "userId") SELECT $1, u FROM unnest($2::text[]) AS u ON CONFLICT DO NOTHING`,
      [job.targetId, values.map((v) => v.value)],
    );
    return { created: inserted.rowCount ?? 0, updated: 0, errors };
  },
};

export const campaignGtinsHandler: ImportHandler = {
  async start(job, first, db) {
    if (!(await targetExists(db, "Campaign", job.targetId))) throw new ImportFailure("campaignNotFound");
    return pickColumn(first, ["gtin", "ean", "штрихкод"]);
  },
  // Every GTIN's check digit is verified; the stored form is the 14-digit one.
  async write({ client, job, records, context }) {
    const { values, errors } = readValues(records, context as ListContext, "gtin", 64);
    const gtins = new Set<string>();
    for (const v of values) {
      if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(v.value)) {
        errors.push({ line: v.line, column: "gtin", reason: "gtinExponent" });
        continue;
      }
      const result = normalizeGtin(v.value);
      if (result.ok) gtins.add(result.gtin);
      else errors.push({ line: v.line, column: "gtin", reason: "gtinInvalid", params: { detail: result.error } });
    }
    const inserted = await client.query(
      `INSERT INTO "CampaignGtin" ("campaignId", gtin) SELECT $1, g FROM unnest($2::text[]) AS g ON CONFLICT DO NOTHING`,
      [job.targetId, [...gtins]],
    );
    return { created: inserted.rowCount ?? 0, updated: 0, errors };
  },
};
