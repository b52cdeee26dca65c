import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/app-error";

/**
 * Asks a queued or running import to stop. A queued one stops at once; a running one at its next batch
 * (the batches already written stay: a clients import can then be reversed). Audited.
 */
export async function cancelImport({ id, actor, tx }: { id: string; actor: Actor; tx?: Tx }): Promise<void> {
  await inTransaction(tx, async (db) => {
    const job = await db.import.findUnique({ where: { id }, select: { state: true } });
    if (!job) throw new AppError("not_found", "Import not found");
    if (job.state !== "queued" && job.state !== "running") throw new AppError("conflict", "The import has already finished");
    await db.import.update({
      where: { id },
      data: job.state === "queued" ? { cancelRequested: true, state: "cancelled", finishedAt: new Date() } : { cancelRequested: true },
    });
    await recordAudit({ actor, action: "import.cancel", entityType: "Import", entityId: id, before: { state: job.state }, tx: db });
  });
}
