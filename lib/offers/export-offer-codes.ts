import { dbPool } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { toCsvLine } from "@/lib/csv/csv-cell";

const BATCH = 10_000;

/**
 * A pool offer's codes as CSV, in keyset pages by code: `code` first (the column the offer-codes import
 * reads, so the file imported back adds nothing), then who holds it and since when. Audited with the
 * row count, like the clients export.
 */
export async function* exportOfferCodes({ offerId, actor }: { offerId: string; actor: Actor }): AsyncGenerator<string> {
  let rows = 0;
  let complete = false;
  try {
    yield `\uFEFF${toCsvLine(["code", "assigned_user_id", "assigned_at"])}\r\n`;
    let after = "";
    for (;;) {
      const page = await dbPool().query<{ code: string; user: string | null; at: string | null }>(
        `SELECT code, "assignedUserId" AS user, to_char("assignedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM "OfferCode" WHERE "offerId" = $1 AND code > $2 ORDER BY code LIMIT ${BATCH}`,
        [offerId, after],
      );
      if (page.rows.length === 0) break;
      rows += page.rows.length;
      yield page.rows.map((r) => toCsvLine([r.code, r.user, r.at])).join("\r\n") + "\r\n";
      if (page.rows.length < BATCH) break;
      after = page.rows[page.rows.length - 1].code;
    }
    complete = true;
  } finally {
    await recordAudit({ actor, action: "offer.codes_export", entityType: "offer", entityId: offerId, after: { rows, complete } });
  }
}
