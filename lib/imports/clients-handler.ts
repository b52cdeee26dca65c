import { randomUUID } from "node:crypto";
import type pg from "pg";
import { defaultLevelId } from "@/lib/loyalty/default-level";
import { hasIdentifierColumn, mapHeader, readClientRow, type ClientColumns, type ImportRow } from "@/lib/loyalty/import-rows";
import { prisma } from "@/lib/db";
import { ImportFailure, type ImportHandler, type RowError } from "@/lib/imports/import-handler";

type Context = { columns: ClientColumns; levels: { id: string; title: string }[]; defaultLevel: string };

// The file's column names (export's names first) as the error report shows them.
const COLUMN_NAMES: Record<string, string> = { cardNumber: "card_number", appCode: "app_code" };
const IDENTIFIERS = ["phone", "cardNumber", "appCode"] as const;

/**
 * Clients with balances and levels. A row whose phone, card or app code is known updates that client's
 * filled-in fields (only when something differs, so a file imported again changes nothing); other rows
 * create clients, with their opening balance as an adjustment entry carrying the import's id (the
 * import can then be reversed as a whole). A row matching two different clients is refused.
 */
export const clientsHandler: ImportHandler = {
  async start(_job, first) {
    const columns = mapHeader(first);
    if (!hasIdentifierColumn(columns)) throw new ImportFailure("noIdentifierColumn");
    const levels = await prisma.loyaltyLevel.findMany({ select: { id: true, title: true } });
    const context: Context = { columns, levels, defaultLevel: await defaultLevelId() };
    return { firstIsHeader: true, context };
  },

  async write({ client, job, records, context }) {
    const { columns, levels, defaultLevel } = context as Context;
    const errors: RowError[] = [];
    const fail = (line: number, column: string, reason: string) => errors.push({ line, column: COLUMN_NAMES[column] ?? column, reason });
    const rows: ImportRow[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      const read = readClientRow(record.cells, record.line, columns, levels);
      if (read.errors.length) {
        for (const e of read.errors) fail(e.line, e.column, e.problem);
        continue;
      }
      // Two rows of one batch with the same identifier would both look new: the later one is refused.
      const twin = IDENTIFIERS.find((f) => read.row[f] && seen.has(`${f}:${read.row[f]}`));
      if (twin) {
        fail(record.line, twin, "duplicateInFile");
        continue;
      }
      for (const f of IDENTIFIERS) if (read.row[f]) seen.add(`${f}:${read.row[f]}`);
      rows.push(read.row);
    }

    const matches = await matchClients(client, rows);
    const toUpdate: { id: string; row: ImportRow }[] = [];
    const toCreate: ImportRow[] = [];
    rows.forEach((row, i) => {
      const ids = matches.get(i);
      if (!ids) toCreate.push(row);
      else if (ids.size > 1) fail(row.line, "phone", "conflict");
      else toUpdate.push({ id: [...ids][0], row });
    });
    const updated = await updateClients(client, toUpdate);
    await createClients(client, toCreate, { defaultLevel, importId: job.id, actorId: job.actorId });
    return { created: toCreate.length, updated, errors };
  },
};

const col = (rows: ImportRow[], f: (r: ImportRow) => string | number | null | undefined) => rows.map((r) => f(r) ?? null);
const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** The unnest parameters $1–$8 both statements read as u(id, name, phone, email, card, app, birthday, level). */
const profileArrays = (ids: string[], rows: ImportRow[]) => [
  ids,
  col(rows, (r) => r.name),
  col(rows, (r) => r.phone),
  col(rows, (r) => r.email),
  col(rows, (r) => r.cardNumber),
  col(rows, (r) => r.appCode),
  col(rows, (r) => day(r.birthday)),
  col(rows, (r) => r.levelId),
];

/**
 * Row index → the ids of the clients it names, by any of its identifiers: one statement per batch, an
 * index scan per identifier (= ANY over each unique index, OR-ed into one bitmap scan).
 */
async function matchClients(client: pg.PoolClient, rows: ImportRow[]): Promise<Map<number, Set<string>>> {
  const found = new Map<number, Set<string>>();
  if (rows.length === 0) return found;
  const pick = (f: "phone" | "cardNumber" | "appCode") => rows.map((r) => r[f]).filter((v): v is string => !!v);
  const { rows: hits } = await client.query<{ id: string; phone: string | null; cardNumber: string | null; appCode: string | null }>(
    `SELECT id, phone, "cardNumber", "appCode" FROM "LoyaltyClient" WHERE phone = ANY($1::text[]) OR "cardNumber" = ANY($2::text[]) OR "appCode" = ANY($3::text[])`,
    [pick("phone"), pick("cardNumber"), pick("appCode")],
  );
  if (hits.length === 0) return found;
  const index = IDENTIFIERS.map((f) => new Map(hits.filter((h) => h[f]).map((h) => [h[f] as string, h.id])));
  rows.forEach((row, i) => {
    IDENTIFIERS.forEach((f, k) => {
      const id = row[f] ? index[k].get(row[f]) : undefined;
      if (!id) return;
      const set = found.get(i) ?? new Set<string>();
      set.add(id);
      found.set(i, set);
    });
  });
  return found;
}

/** Fills in the given cells; counts only clients whose stored values actually changed. */
async function updateClients(client: pg.PoolClient, list: { id: string; row: ImportRow }[]): Promise<number> {
  if (list.length === 0) return 0;
  const rows = list.map((u) => u.row);
  const result = await client.query(
    `UPDATE "LoyaltyClient" c SET
       name = COALESCE(u.name, c.name), phone = COALESCE(u.phone, c.phone), email = COALESCE(u.email, c.email),
       "cardNumber" = COALESCE(u.card, c."cardNumber"), "appCode" = COALESCE(u.app, c."appCode"),
       birthday = COALESCE(u.birthday::date, c.birthday), "levelId" = COALESCE(u.level, c."levelId"), "updatedAt" = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS u(id, name, phone, email, card, app, birthday, level)
     WHERE c.id = u.id AND (c.name, c.phone, c.email, c."cardNumber", c."appCode", c.birthday, c."levelId") IS DISTINCT FROM
       (COALESCE(u.name, c.name), COALESCE(u.phone, c.phone), COALESCE(u.email, c.email), COALESCE(u.card, c."cardNumber"),
        COALESCE(u.app, c."appCode"), COALESCE(u.birthday::date, c.birthday), COALESCE(u.level, c."levelId"))`,
    profileArrays(list.map((u) => u.id), rows),
  );
  return result.rowCount ?? 0;
}

/** New clients, then their opening balances as ledger entries of this import: two statements per batch. */
async function createClients(client: pg.PoolClient, rows: ImportRow[], opts: { defaultLevel: string; importId: string; actorId: string | null }) {
  if (rows.length === 0) return;
  const ids = rows.map(() => randomUUID());
  await client.query(
    `INSERT INTO "LoyaltyClient" (id, name, phone, email, "cardNumber", "appCode", birthday, "levelId", "createdAt", "updatedAt")
     SELECT u.id, u.name, u.phone, u.email, u.card, u.app, u.birthday::date, COALESCE(u.level, $9), now(), now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS u(id, name, phone, email, card, app, birthday, level)`,
    [...profileArrays(ids, rows), opts.defaultLevel],
  );
  const openings = rows.map((r, i) => ({ id: ids[i], amount: r.balance ?? 0 })).filter((o) => o.amount > 0);
  if (openings.length === 0) return;
  await client.query(
    `INSERT INTO "LedgerEntry" ("clientId", kind, amount, reason, "actorId", "importId", "createdAt")
     SELECT b.id, 'adjustment', b.amount, 'CSV import: opening balance', $3, $4, now()
     FROM unnest($1::text[], $2::int[]) AS b(id, amount)`,
    [openings.map((o) => o.id), openings.map((o) => o.amount), opts.actorId, opts.importId],
  );
}
