import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { OfferRuleError } from "@/lib/offers/offer-errors";
import { segmentInputSchema } from "@/lib/offers/offers.schema";

type SegmentInput = { id: string; name: string };

/**
 * An admin adds a segment ahead of IMSHOP sending it (the id must be IMSHOP's segment id), so offers can
 * target it from day one. When IMSHOP later sends it, its name there does not replace the admin's.
 */
export async function createSegment({ actor, input, tx }: { actor: Actor; input: SegmentInput; tx?: Tx }) {
  const data = segmentInputSchema.parse(input);
  try {
    return await inTransaction(tx, async (db) => {
      if (await db.segment.findUnique({ where: { id: data.id }, select: { id: true } })) throw new OfferRuleError("segmentExists", data.id);
      const segment = await db.segment.create({ data: { id: data.id, name: data.name, source: "admin" }, select: { id: true, name: true, source: true } });
      await recordAudit({ actor, action: "segment.create", entityType: "segment", entityId: data.id, after: segment, tx: db });
      return segment;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new OfferRuleError("segmentExists", data.id);
    throw error;
  }
}

/** Renaming makes the name the admin's own: IMSHOP's name for it no longer overwrites it. */
export async function renameSegment({ actor, input, tx }: { actor: Actor; input: SegmentInput; tx?: Tx }) {
  const data = segmentInputSchema.parse(input);
  return inTransaction(tx, async (db) => {
    const before = await db.segment.findUnique({ where: { id: data.id }, select: { id: true, name: true, source: true } });
    if (!before) throw new OfferRuleError("segmentNotFound", data.id);
    const after = await db.segment.update({ where: { id: data.id }, data: { name: data.name, source: "admin" }, select: { id: true, name: true, source: true } });
    await recordAudit({ actor, action: "segment.rename", entityType: "segment", entityId: data.id, before, after, tx: db });
    return after;
  });
}
