import type { Tx } from "@/lib/db";
import { fieldError } from "@/lib/http/app-error";

export const CLIENT_NOT_FOUND = "Client not found.";

export type LockedClient = {
  id: string;
  level: { id: string; title: string; percent: number; type: "cashback" | "discount"; maxSpendPercent: number };
};

/**
 * Takes the client's row lock for the rest of the transaction. Every change that can lower a
 * balance (spend, hold, negative adjustment, refund) runs behind it, so two tills spending the
 * same points at once are serialised: the second sees the first one's ledger entry and holds.
 */
export async function lockClient(tx: Tx, clientId: string): Promise<LockedClient> {
  // One statement: the lock and the level come back together (FOR UPDATE OF locks the client row only).
  const rows = await tx.$queryRaw<{ id: string; levelId: string; title: string; percent: number; type: "cashback" | "discount"; maxSpendPercent: number }[]>`
    SELECT c.id, l.id AS "levelId", l.title, l.percent, l.type::text AS type, l."maxSpendPercent"
    FROM "LoyaltyClient" c JOIN "LoyaltyLevel" l ON l.id = c."levelId"
    WHERE c.id = ${clientId}
    FOR UPDATE OF c`;
  const row = rows[0];
  if (!row) throw fieldError("client", CLIENT_NOT_FOUND, { key: "clientNotFound" });
  return { id: row.id, level: { id: row.levelId, title: row.title, percent: row.percent, type: row.type, maxSpendPercent: row.maxSpendPercent } };
}
