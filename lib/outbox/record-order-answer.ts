import { z } from "zod";
import { prisma, Prisma } from "@/lib/db";
import { logger } from "@/lib/logger";

// Contract 2.1: IMSHOP answers an order push with {success, internalId, uuid, newStatus, imshopStatus, message}.
const orderAnswer = z.object({
  uuid: z.string().trim().min(1).max(200).optional(),
  imshopStatus: z.string().trim().min(1).max(200).optional(),
});

/** Keeps IMSHOP's order uuid and status from a delivered push; a malformed answer is ignored. */
export async function recordOrderAnswer({ orderId, body }: { orderId: string; body: string | null }): Promise<boolean> {
  if (!body) return false;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return false;
  }
  const parsed = orderAnswer.safeParse(json);
  if (!parsed.success) return false;
  const { uuid, imshopStatus } = parsed.data;
  if (!uuid && !imshopStatus) return false;
  try {
    const res = await prisma.order.updateMany({ where: { id: orderId }, data: { ...(uuid ? { uuid } : {}), ...(imshopStatus ? { imshopStatus } : {}) } });
    return res.count > 0;
  } catch (error) {
    // Another order already holds this uuid: keep the status, leave the uuid alone and say so.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && imshopStatus) {
      logger.warn({ orderId, uuid }, "IMSHOP answered with a uuid another order already has");
      const res = await prisma.order.updateMany({ where: { id: orderId }, data: { imshopStatus } });
      return res.count > 0;
    }
    throw error;
  }
}
