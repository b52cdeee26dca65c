import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { barcodeListProblems, barcodeTextProblem } from "@/lib/barcode-render/render-barcode";
import { OfferRuleError } from "@/lib/offers/offer-errors";
import { offerSnapshot, type OfferSnapshot } from "@/lib/offers/offer-snapshot";
import { offerInputSchema, type OfferData, type OfferInput } from "@/lib/offers/offers.schema";

type SaveOptions = { actor: Actor; input: OfferInput; tx?: Tx };

/** Creates an offer under the id the admin chose: IMSHOP's banner for the offer is set up with that id. */
export async function createOffer({ actor, input, tx }: SaveOptions): Promise<OfferSnapshot> {
  const data = offerInputSchema.parse(input);
  checkPromocode(data);
  try {
    return await inTransaction(tx, async (db) => {
      if (await db.offer.findUnique({ where: { id: data.id }, select: { id: true } })) throw new OfferRuleError("offerExists", data.id);
      await checkSegments(db, data);
      await db.offer.create({ data: { ...columns(data), id: data.id } });
      await linkSegments(db, data);
      const after = (await offerSnapshot(db, data.id))!;
      await recordAudit({ actor, action: "offer.create", entityType: "offer", entityId: data.id, after, tx: db });
      return after;
    });
  } catch (error) {
    // Two admins creating the same id at once: the loser hears the same refusal as above.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new OfferRuleError("offerExists", data.id);
    throw error;
  }
}

/** Changes an offer's settings. The id never changes: IMSHOP's banner is bound to it. */
export async function updateOffer({ actor, offerId, input, tx }: SaveOptions & { offerId: string }): Promise<OfferSnapshot> {
  const data = offerInputSchema.parse({ ...(input as object), id: offerId });
  checkPromocode(data);
  return inTransaction(tx, async (db) => {
    const before = await offerSnapshot(db, offerId);
    if (!before) throw new OfferRuleError("offerNotFound", offerId);
    await checkSegments(db, data);
    if (data.promocodeMode === "pool" && data.barcodeType !== before.barcodeType) await checkPoolFits(db, data);
    await db.offer.update({ where: { id: offerId }, data: columns(data) });
    await db.offerSegment.deleteMany({ where: { offerId } });
    await linkSegments(db, data);
    const after = (await offerSnapshot(db, offerId))!;
    await recordAudit({ actor, action: "offer.update", entityType: "offer", entityId: offerId, before, after, tx: db });
    return after;
  });
}

function columns(data: OfferData) {
  return {
    name: data.name,
    description: data.description,
    promocodeMode: data.promocodeMode,
    // A pool offer's code is per user; a leftover shared code would only mislead.
    promocode: data.promocodeMode === "shared" ? data.promocode : null,
    barcodeType: data.barcodeType,
    online: data.online,
    offline: data.offline,
    startsAt: data.startsAt,
    expiresAt: data.expiresAt,
    targeting: data.targeting,
    active: data.active,
  };
}

function checkPromocode(data: OfferData) {
  if (data.promocodeMode !== "shared" || !data.promocode) return;
  const problem = barcodeTextProblem(data.barcodeType, data.promocode);
  if (problem) throw new OfferRuleError("promocodeNotEncodable", problem);
}

/** Segment links exist only while the offer targets segments, so segment offer counts stay true. */
async function linkSegments(db: Tx, data: OfferData) {
  if (data.targeting !== "segments") return;
  const segmentIds = [...new Set(data.segmentIds)];
  await db.offerSegment.createMany({ data: segmentIds.map((segmentId) => ({ offerId: data.id, segmentId })) });
}

async function checkSegments(db: Tx, data: OfferData) {
  if (data.targeting !== "segments") return;
  const wanted = [...new Set(data.segmentIds)];
  const found = await db.segment.findMany({ where: { id: { in: wanted } }, select: { id: true } });
  const known = new Set(found.map((s) => s.id));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length) throw new OfferRuleError("unknownSegments", unknown.join(", "));
}

/** A new barcode type must be able to draw every code already in the pool. */
async function checkPoolFits(db: Tx, data: OfferData) {
  const codes = await db.offerCode.findMany({ where: { offerId: data.id }, select: { code: true } });
  const problems = barcodeListProblems(data.barcodeType, codes.map((c) => c.code), 3);
  if (problems.length) {
    const detail = problems.map((p) => `${codes[p.index].code}: ${p.reason}`).join("; ");
    throw new OfferRuleError("codesNotEncodable", detail);
  }
}
