import { prisma, Prisma } from "@/lib/db";
import { toCsvLine } from "@/lib/loyalty/csv";

export const EXPORT_HEADER = ["id", "phone", "name", "email", "birthday", "card_number", "app_code", "level", "balance", "created_at"];

type ExportRow = {
  id: string;
  phone: string | null;
  name: string | null;
  email: string | null;
  birthday: Date | null;
  cardNumber: string | null;
  appCode: string | null;
  level: string;
  balance: number;
  createdAt: Date;
};

const BATCH = 1000;

/**
 * The clients as CSV (";"-separated with a BOM, as Russian Excel opens it), produced in batches so a
 * large base streams out without being held in memory. The column names are the ones import reads;
 * `balance` is the ledger balance, shown for information — import never sets an existing balance.
 */
export async function* exportClients({ q }: { q?: string } = {}): AsyncGenerator<string> {
  yield `\uFEFF${toCsvLine(EXPORT_HEADER)}\r\n`;
  const search = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const digits = q?.replace(/\D/g, "") ?? "";
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: ExportRow[] = await prisma.$queryRaw<ExportRow[]>`
      SELECT c.id, c.phone, c.name, c.email, c.birthday, c."cardNumber", c."appCode", l.title AS level,
             COALESCE((SELECT SUM(e.amount) FROM "LedgerEntry" e WHERE e."clientId" = c.id), 0)::int AS balance,
             c."createdAt"
      FROM "LoyaltyClient" c JOIN "LoyaltyLevel" l ON l.id = c."levelId"
      WHERE ${after ? Prisma.sql`(c."createdAt", c.id) > (${after.createdAt}, ${after.id})` : Prisma.sql`TRUE`}
        AND ${
          search
            ? Prisma.sql`(c.name ILIKE ${search} OR c."cardNumber" ILIKE ${search} OR c.email ILIKE ${search}
                 ${digits.length >= 3 ? Prisma.sql`OR c.phone LIKE ${`%${digits}%`}` : Prisma.empty})`
            : Prisma.sql`TRUE`
        }
      ORDER BY c."createdAt", c.id
      LIMIT ${BATCH}`;
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        toCsvLine([
          r.id,
          r.phone,
          r.name,
          r.email,
          r.birthday ? r.birthday.toISOString().slice(0, 10) : null,
          r.cardNumber,
          r.appCode,
          r.level,
          r.balance,
          r.createdAt.toISOString(),
        ]),
      )
      .join("\r\n")
      .concat("\r\n");
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}
