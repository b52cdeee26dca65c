import { prisma, type Prisma } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { toCsvLine } from "@/lib/loyalty/csv";
import { balancesOf, clientSearch } from "@/lib/loyalty/loyalty.queries";

export const EXPORT_HEADER = ["id", "phone", "name", "email", "birthday", "card_number", "app_code", "level", "balance", "created_at"];

const BATCH = 1000;

/**
 * The clients as CSV (";"-separated with a BOM, as Russian Excel opens it), with the list page's
 * search, produced in batches so a large base streams out without being held in memory. The column
 * names are the ones import reads; `balance` is the ledger balance, for information — import never
 * sets an existing client's balance. Personal data leaving the portal: every export is audited with
 * its filter and row count (when the download stops early too), and erased clients are left out.
 */
export async function* exportClients({ q, actor }: { q?: string; actor: Actor }): AsyncGenerator<string> {
  let count = 0;
  let complete = false;
  try {
    yield* batches(q, (n) => (count += n));
    complete = true;
  } finally {
    await recordAudit({ actor, action: "loyalty.clients_export", entityType: "LoyaltyClient", entityId: "export", after: { q: q ?? null, rows: count, complete } });
  }
}

async function* batches(q: string | undefined, counted: (n: number) => void): AsyncGenerator<string> {
  yield `\uFEFF${toCsvLine(EXPORT_HEADER)}\r\n`;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: Prisma.LoyaltyClientWhereInput = after
      ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
      : {};
    const rows = await prisma.loyaltyClient.findMany({
      where: { AND: [q ? clientSearch(q) : {}, page, { erasedAt: null }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: BATCH,
      select: {
        id: true,
        phone: true,
        name: true,
        email: true,
        birthday: true,
        cardNumber: true,
        appCode: true,
        createdAt: true,
        level: { select: { title: true } },
      },
    });
    if (rows.length === 0) return;
    counted(rows.length);
    const balances = await balancesOf(rows.map((r) => r.id));
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
          r.level.title,
          balances.get(r.id) ?? 0,
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
