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
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "LoyaltyClient" WHERE id = ${clientId} FOR UPDATE`;
  if (locked.length === 0) throw fieldError("client", CLIENT_NOT_FOUND);
  const client = await tx.loyaltyClient.findUniqueOrThrow({
    where: { id: clientId },
    select: { id: true, level: { select: { id: true, title: true, percent: true, type: true, maxSpendPercent: true } } },
  });
  return client;
}
