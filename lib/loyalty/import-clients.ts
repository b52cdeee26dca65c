import { prisma } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { parseCsv } from "@/lib/loyalty/csv";
import { defaultLevelId } from "@/lib/loyalty/default-level";
import { readImportRows, type ImportProblem, type ImportRow } from "@/lib/loyalty/import-rows";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";

export const MAX_IMPORT_ROWS = 5000;

export type ImportResult = { created: number; updated: number; errors: { line: number; column: string; problem: ImportProblem }[] };

/**
 * Loads clients from a CSV file: a row whose phone, card or app code is known updates that client's
 * filled-in fields; other rows create clients (with an opening balance as an adjustment entry, if
 * given). All or nothing: any bad row is reported with its line, and then nothing is written.
 */
export async function importClients({ csv, actor }: { csv: string; actor: Actor }): Promise<ImportResult> {
  const table = parseCsv(csv);
  if (table.length < 2) throw new LoyaltyRuleError("importEmpty");
  if (table.length - 1 > MAX_IMPORT_ROWS) throw new LoyaltyRuleError("importTooLarge", { max: MAX_IMPORT_ROWS });
  const levels = await prisma.loyaltyLevel.findMany({ select: { id: true, title: true } });
  const { rows, errors } = readImportRows(table, levels);
  if (errors.length) return { created: 0, updated: 0, errors: errors.slice(0, 100) };

  const existing = await findExisting(rows);
  const plan = rows.map((row) => ({ row, matches: matchesOf(row, existing) }));
  const conflicts = plan.filter((p) => p.matches.size > 1).map((p) => ({ line: p.row.line, column: "phone", problem: "conflict" as const }));
  if (conflicts.length) return { created: 0, updated: 0, errors: conflicts.slice(0, 100) };

  // One transaction for the whole file, with room for a few thousand rows.
  return prisma.$transaction(
    async (tx) => {
      const fallbackLevel = await defaultLevelId(tx);
      const toCreate = plan.filter((p) => p.matches.size === 0).map((p) => p.row);
      const toUpdate = plan.filter((p) => p.matches.size === 1).map((p) => ({ id: [...p.matches][0], row: p.row }));
      const created = toCreate.length
        ? await tx.loyaltyClient.createManyAndReturn({
            data: toCreate.map((r) => ({ ...profile(r), levelId: r.levelId ?? fallbackLevel })),
            select: { id: true, phone: true, cardNumber: true, appCode: true },
          })
        : [];
      // Matched back by identifier (unique within the file), not by position: RETURNING promises no order.
      const openingOf = new Map(toCreate.flatMap((r) => identifiers(r).map((k) => [k, r.balance ?? 0] as const)));
      const openings = created
        .map((c) => ({ clientId: c.id, amount: identifiers(c).map((k) => openingOf.get(k)).find((v) => v !== undefined) ?? 0 }))
        .filter((o) => o.amount > 0)
        .map((o) => ({ ...o, kind: "adjustment" as const, reason: "CSV import: opening balance", actorId: actor.id ?? null }));
      if (openings.length) await tx.ledgerEntry.createMany({ data: openings });
      for (const { id, row } of toUpdate) {
        await tx.loyaltyClient.update({ where: { id }, data: { ...profile(row), ...(row.levelId ? { levelId: row.levelId } : {}) } });
      }
      await recordAudit({
        actor,
        action: "loyalty.client.import",
        entityType: "LoyaltyClient",
        entityId: "import",
        after: { created: created.length, updated: toUpdate.length, openingBalances: openings.length },
        tx,
      });
      return { created: created.length, updated: toUpdate.length, errors: [] };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

function identifiers(c: { phone?: string | null; cardNumber?: string | null; appCode?: string | null }): string[] {
  return [c.phone && `phone:${c.phone}`, c.cardNumber && `card:${c.cardNumber}`, c.appCode && `app:${c.appCode}`].filter((k): k is string => !!k);
}

/** Only the cells the file filled in: an empty cell leaves the stored value alone. */
function profile(row: ImportRow) {
  const fields = { name: row.name, phone: row.phone, email: row.email, cardNumber: row.cardNumber, appCode: row.appCode, birthday: row.birthday };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<typeof fields>;
}

type Existing = { id: string; phone: string | null; cardNumber: string | null; appCode: string | null }[];

async function findExisting(rows: ImportRow[]): Promise<Existing> {
  const pick = (f: (r: ImportRow) => string | undefined) => rows.map(f).filter((v): v is string => !!v);
  const phones = pick((r) => r.phone);
  const cards = pick((r) => r.cardNumber);
  const codes = pick((r) => r.appCode);
  const found: Existing = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const slice = (list: string[]) => list.slice(i, i + 1000);
    found.push(
      ...(await prisma.loyaltyClient.findMany({
        where: { OR: [{ phone: { in: slice(phones) } }, { cardNumber: { in: slice(cards) } }, { appCode: { in: slice(codes) } }] },
        select: { id: true, phone: true, cardNumber: true, appCode: true },
      })),
    );
  }
  return found;
}

function matchesOf(row: ImportRow, existing: Existing): Set<string> {
  const ids = new Set<string>();
  for (const [field, index] of indexes(existing)) {
    const id = row[field] ? index.get(row[field]) : undefined;
    if (id) ids.add(id);
  }
  return ids;
}

const indexCache = new WeakMap<Existing, [keyof Existing[number] & ("phone" | "cardNumber" | "appCode"), Map<string, string>][]>();

function indexes(existing: Existing) {
  let built = indexCache.get(existing);
  if (!built) {
    built = (["phone", "cardNumber", "appCode"] as const).map((field) => [
      field,
      new Map(existing.filter((c) => c[field]).map((c) => [c[field] as string, c.id])),
    ]);
    indexCache.set(existing, built);
  }
  return built;
}
