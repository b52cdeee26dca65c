import { dbPool } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { toCsvLine } from "@/lib/csv/csv-cell";
import { normalizePhone } from "@/lib/loyalty/phone";

export const EXPORT_HEADER = ["id", "phone", "name", "email", "birthday", "card_number", "app_code", "level", "balance", "created_at"];

const BATCH = 5000;

// Rows as arrays in EXPORT_HEADER's order: pg builds no object per row, and the line is the array itself.
type Row = [id: string, phone: string | null, name: string | null, email: string | null, birthday: string | null, card: string | null, app: string | null, level: string, balance: number, created: string];

/**
 * The clients as CSV (";"-separated with a BOM, as Russian Excel opens it), with the list page's search,
 * read in keyset pages of 5,000 by primary key (one index range per page, whatever the table's statistics
 * say) so a million clients stream out without being held in memory. The columns are the ones import reads (id and created_at it ignores); `balance` is the ledger
 * balance, for information — import never sets an existing client's balance, so a file exported and
 * imported back changes nothing. Personal data leaving the portal: every export is audited with its
 * filter and row count (when the download stops early too), and erased clients are left out.
 * One statement per page through pg (README "Data access": the bulk paths).
 */
export async function* exportClients({ q, actor }: { q?: string; actor: Actor }): AsyncGenerator<string> {
  let count = 0;
  let complete = false;
  try {
    yield* pages(q, (n) => (count += n));
    complete = true;
  } finally {
    await recordAudit({ actor, action: "loyalty.clients_export", entityType: "LoyaltyClient", entityId: "export", after: { q: q ?? null, rows: count, complete } });
  }
}

async function* pages(q: string | undefined, counted: (n: number) => void): AsyncGenerator<string> {
  yield `\uFEFF${toCsvLine(EXPORT_HEADER)}\r\n`;
  const search = q ? searchSql(q, 2) : { sql: "", params: [] };
  let after = "";
  for (;;) {
    const { rows } = await dbPool().query<Row>({
      rowMode: "array",
      text: `SELECT c.id, c.phone, c.name, c.email, to_char(c.birthday, 'YYYY-MM-DD') AS birthday, c."cardNumber" AS card, c."appCode" AS app,
              l.title AS level, COALESCE(b.balance, 0)::int AS balance,
              to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created
       FROM "LoyaltyClient" c
       JOIN "LoyaltyLevel" l ON l.id = c."levelId"
       LEFT JOIN LATERAL (SELECT sum(e.amount) AS balance FROM "LedgerEntry" e WHERE e."clientId" = c.id) b ON true
       WHERE c."erasedAt" IS NULL AND c.id > $1 ${search.sql}
       ORDER BY c.id
       LIMIT ${BATCH}`,
      values: [after, ...search.params],
    });
    if (rows.length === 0) return;
    counted(rows.length);
    yield rows.map((r) => toCsvLine(r)).join("\r\n") + "\r\n";
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1][0];
  }
}

/** The list page's search (lib/loyalty/loyalty.queries.ts clientSearch) as SQL: name part, card, app code, e-mail, id, phone. */
function searchSql(q: string, first: number): { sql: string; params: string[] } {
  const phone = normalizePhone(q);
  const digits = q.replace(/\D/g, "");
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const params = [like(q), q];
  const $ = (i: number) => `$${first + i}`;
  let phoneSql = "";
  if (phone) {
    params.push(phone);
    phoneSql = ` OR c.phone = ${$(2)}`;
  } else if (digits.length >= 4) {
    params.push(like(digits));
    phoneSql = ` OR c.phone LIKE ${$(2)}`;
  }
  return {
    sql: `AND (c.name ILIKE ${$(0)} OR lower(c."cardNumber") = lower(${$(1)}) OR c."appCode" = ${$(1)} OR lower(c.email) = lower(${$(1)}) OR c.id = ${$(1)}${phoneSql})`,
    params,
  };
}
