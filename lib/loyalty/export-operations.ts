import type { z } from "zod";
import { dbPool } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { toCsvLine } from "@/lib/csv/csv-cell";
import type { operationFilters } from "@/lib/loyalty/loyalty.schema";

export const OPERATIONS_HEADER = ["id", "created_at", "point", "phone", "card_number", "amount", "total", "spend", "earn", "percent", "type", "refunded_at"];

const BATCH = 5000;

type Filters = Partial<Omit<z.infer<typeof operationFilters>, "client">>;
type Row = { id: string; created: string; point: string; phone: string | null; card: string | null; amount: number; total: number; spend: number; earn: number; percent: number; type: string; refunded: string | null };

const rubles = (kopecks: number) => (kopecks / 100).toFixed(2);

/**
 * The till operations as CSV, newest first as the list page shows them, with its point, type, kind and
 * day filters (days in Moscow time), in keyset pages along the (createdAt DESC, id) index: a year of
 * operations streams out without being held in memory. Phones are personal data leaving the portal: audited with the filter and row count.
 */
export async function* exportOperations({ filters, actor }: { filters: Filters; actor: Actor }): AsyncGenerator<string> {
  let rows = 0;
  let complete = false;
  try {
    yield `\uFEFF${toCsvLine(OPERATIONS_HEADER)}\r\n`;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => where.push(sql(`$${params.push(value) + 2}`));
    if (filters.point) add((p) => `o."pointId" = ${p}`, filters.point);
    if (filters.type) add((p) => `o.type = ${p}::"LevelType"`, filters.type);
    if (filters.kind === "spend") where.push("o.spend > 0");
    if (filters.kind === "earn") where.push("o.earn > 0");
    if (filters.kind === "refunded") where.push('o."refundedAt" IS NOT NULL');
    if (filters.from) add((p) => `o."createdAt" >= (${p}::date::timestamp - interval '3 hours')`, filters.from);
    if (filters.to) add((p) => `o."createdAt" < (${p}::date::timestamp + interval '21 hours')`, filters.to);
    let after = { created: "infinity", id: "" };
    for (;;) {
      const page = await dbPool().query<Row>(
        `SELECT o.id, to_char(o."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created, p.name AS point, c.phone, c."cardNumber" AS card,
                o."amountKopecks" AS amount, o."totalKopecks" AS total, o.spend, o.earn, o.percent, o.type::text AS type,
                to_char(o."refundedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS refunded
         FROM "Operation" o JOIN "LoyaltyPoint" p ON p.id = o."pointId" JOIN "LoyaltyClient" c ON c.id = o."clientId"
         WHERE o."createdAt" <= $1::timestamp AND (o."createdAt" < $1::timestamp OR o.id > $2) ${where.map((w) => `AND ${w}`).join(" ")}
         ORDER BY o."createdAt" DESC, o.id LIMIT ${BATCH}`,
        [after.created, after.id, ...params],
      );
      if (page.rows.length === 0) break;
      rows += page.rows.length;
      yield page.rows
        .map((r) => toCsvLine([r.id, r.created, r.point, r.phone, r.card, rubles(r.amount), rubles(r.total), r.spend, r.earn, r.percent, r.type, r.refunded]))
        .join("\r\n")
        .concat("\r\n");
      if (page.rows.length < BATCH) break;
      const last = page.rows[page.rows.length - 1];
      after = { created: last.created.replace("Z", ""), id: last.id };
    }
    complete = true;
  } finally {
    await recordAudit({ actor, action: "loyalty.operations_export", entityType: "Operation", entityId: "export", after: { filters, rows, complete } });
  }
}
