import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

export type DismissUnmappedCodeOptions = { code: string; actor: Actor; tx?: Tx };

/** Clears the warning for a code an admin decided not to map (a test value, a typo since fixed). */
export async function dismissUnmappedCode({ code, actor, tx }: DismissUnmappedCodeOptions) {
  return inTransaction(tx, async (tx) => {
    const before = await tx.unmappedStatusCode.findUnique({ where: { code } });
    if (!before) return { dismissed: false };
    await tx.unmappedStatusCode.delete({ where: { code } });
    await recordAudit({ actor, action: "order_status.dismiss_unmapped", entityType: "order_status", entityId: code, before, tx });
    return { dismissed: true };
  });
}
