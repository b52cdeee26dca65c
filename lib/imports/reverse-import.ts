import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";

/**
 * Undoes a clients import's opening balances as a whole: one reversal entry per opening entry of the
 * import (carrying the import's id too, and `reversesId`, which is unique, so nothing is reversed twice).
 * The clients stay: they may have bought since. Only a finished import; audited with the sum reversed.
 */
export async function reverseImport({ id, actor, tx }: { id: string; actor: Actor; tx?: Tx }): Promise<{ entries: number; points: number }> {
  return inTransaction(tx, async (db) => {
    const rows = await db.$queryRaw<{ kind: string; state: string; reversedAt: Date | null }[]>`
      SELECT kind::text, state::text, "reversedAt" FROM "Import" WHERE id = ${id} FOR UPDATE`;
    const job = rows[0];
    if (!job) throw new AppError("not_found", "Import not found");
    if (job.kind !== "clients") throw new AppError("conflict", "Only a clients import has balances to reverse");
    if (job.state === "queued" || job.state === "running") throw new AppError("conflict", "Cancel the import first, or wait until it finishes");
    if (job.reversedAt) throw new AppError("conflict", "The import was already reversed");
    const [sum] = await db.$queryRaw<{ entries: bigint; points: bigint | null }[]>`
      WITH reversed AS (
        INSERT INTO "LedgerEntry" ("clientId", kind, amount, reason, "reversesId", "actorId", "importId", "createdAt")
        SELECT e."clientId", 'reversal', -e.amount, 'CSV import reversed', e.id, ${actor.id ?? null}, e."importId", now()
        FROM "LedgerEntry" e
        WHERE e."importId" = ${id} AND e.kind <> 'reversal'
          AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" r WHERE r."reversesId" = e.id)
        RETURNING amount)
      SELECT count(*) AS entries, -sum(amount) AS points FROM reversed`;
    const result = { entries: Number(sum.entries), points: Number(sum.points ?? 0) };
    await db.import.update({ where: { id }, data: { reversedAt: new Date() } });
    await recordAudit({ actor, action: "import.reverse", entityType: "Import", entityId: id, after: result, tx: db });
    return result;
  });
}
