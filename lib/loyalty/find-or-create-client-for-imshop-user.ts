import type { Tx } from "@/lib/db";
import { defaultLevelId } from "@/lib/loyalty/default-level";
import { phoneFromImshopUserId } from "@/lib/loyalty/imshop-user-phone";

export type LinkedClient = { id: string; created: boolean };

/**
 * The loyalty client an IMSHOP user's scan points go to: the one linked by `imshopUserId`, else the one
 * with that phone (linked now, if it is not linked to someone else), else a new client on the default level.
 * Serialised per user/phone with an advisory lock so two concurrent first scans make one client.
 */
export async function findOrCreateClientForImshopUser({ userId, tx }: { userId: string; tx: Tx }): Promise<LinkedClient> {
  const phone = phoneFromImshopUserId(userId);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`loyalty-client:${phone ?? userId}`}))`;
  const linked = await tx.loyaltyClient.findUnique({ where: { imshopUserId: userId }, select: { id: true } });
  if (linked) return { id: linked.id, created: false };
  if (phone) {
    const byPhone = await tx.loyaltyClient.findUnique({ where: { phone }, select: { id: true, imshopUserId: true } });
    if (byPhone) {
      if (!byPhone.imshopUserId) {
        await tx.loyaltyClient.update({ where: { id: byPhone.id }, data: { imshopUserId: userId } });
      }
      return { id: byPhone.id, created: false };
    }
  }
  const levelId = await defaultLevelId(tx);
  const client = await tx.loyaltyClient.create({
    data: { imshopUserId: userId, phone, levelId },
    select: { id: true },
  });
  return { id: client.id, created: true };
}
