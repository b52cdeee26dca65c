import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { deleteOffer } from "@/lib/offers/delete-offer";
import { deleteSegment } from "@/lib/offers/delete-segment";
import { exportOffers } from "@/lib/offers/export-offers";
import { importOfferCodes } from "@/lib/offers/import-offer-codes";
import { importOfferUsers } from "@/lib/offers/import-offer-users";
import { previewOffers } from "@/lib/offers/preview-offers";
import { createOffer, updateOffer } from "@/lib/offers/save-offer";
import { createSegment, renameSegment } from "@/lib/offers/save-segment";
import { listSegments } from "@/lib/offers/segments.queries";
import { getOffer, listOffers } from "@/lib/offers/offers.queries";
import { offersResponseSchema } from "@/lib/offers/offers.schema";
import { actor, askOffers, hour, makeOffer, makeSegment, setWebhookKey, uid } from "@/tests/helpers/offers-kit";

beforeAll(setWebhookKey);

describe("offer management", () => {
  it("creates and updates an offer with an audit entry each, keeping the id", async () => {
    const seg = await makeSegment();
    const offer = await makeOffer({ targeting: "segments", segmentIds: [seg] });
    const created = await prisma.auditLog.findFirstOrThrow({ where: { entityId: offer.id, action: "offer.create" } });
    expect(created.after).toMatchObject({ id: offer.id, targeting: "segments", segmentIds: [seg] });

    const updated = await updateOffer({ actor, offerId: offer.id, input: { ...offer, barcodeType: "code128", id: "IGNORED", name: "Renamed", targeting: "everyone", startsAt: null, expiresAt: null } });
    expect(updated).toMatchObject({ id: offer.id, name: "Renamed", targeting: "everyone", segmentIds: [] });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: offer.id, action: "offer.update" } });
    expect(audit.before).toMatchObject({ name: offer.name, segmentIds: [seg] });
    expect(audit.after).toMatchObject({ name: "Renamed", segmentIds: [] });
  });

  it("refuses a duplicate id, unknown segments, and a promocode the barcode cannot carry", async () => {
    const offer = await makeOffer();
    await expect(makeOffer({ id: offer.id })).rejects.toMatchObject({ key: "offerExists", code: "conflict" });
    await expect(makeOffer({ targeting: "segments", segmentIds: [uid("GHOST")] })).rejects.toMatchObject({ key: "unknownSegments" });
    await expect(makeOffer({ barcodeType: "ean13", promocode: "HUGO1000" })).rejects.toMatchObject({ key: "promocodeNotEncodable", fields: { promocode: expect.stringMatching(/EAN-13/) } });
  });

  it("drops the shared code of a pool offer and deletes offers with an audit entry", async () => {
    const offer = await createOffer({
      actor,
      input: { id: uid("POOL"), name: "Pool", promocodeMode: "pool", promocode: "IGNORED", online: true, offline: true, targeting: "everyone" },
    });
    expect(offer.promocode).toBeNull();
    await deleteOffer({ actor, offerId: offer.id });
    expect(await prisma.offer.findUnique({ where: { id: offer.id } })).toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: offer.id, action: "offer.delete" } })).toBe(1);
  });

  it("imports a user list from CSV, additively or replacing it", async () => {
    const offer = await makeOffer({ targeting: "users" });
    const [u1, u2, u3] = [uid("u"), uid("u"), uid("u")];
    expect(await importOfferUsers({ actor, offerId: offer.id, csv: `userId\n${u1}\n${u2}\n${u1}\n` })).toMatchObject({ added: 2, duplicates: 1, total: 2 });
    expect((await askOffers({ userId: u2, segments: [] })).offers.map((o) => o.id)).toContain(offer.id);
    expect(await importOfferUsers({ actor, offerId: offer.id, csv: u3, replace: true })).toMatchObject({ added: 1, removed: 2, total: 1 });
    expect((await askOffers({ userId: u2, segments: [] })).offers.map((o) => o.id)).not.toContain(offer.id);
    expect((await askOffers({ userId: u3, segments: [] })).offers.map((o) => o.id)).toContain(offer.id);
    expect(await prisma.auditLog.count({ where: { entityId: offer.id, action: "offer.import_users" } })).toBe(2);
  });

  it("lists offers by status with counts, and exports them as CSV", async () => {
    const tag = uid("LIST");
    const current = await makeOffer({ id: `${tag}-cur`, targeting: "users" });
    await importOfferUsers({ actor, offerId: current.id, csv: "a\nb" });
    await makeOffer({ id: `${tag}-exp`, expiresAt: new Date(Date.now() - hour) });
    await makeOffer({ id: `${tag}-sch`, startsAt: new Date(Date.now() + hour) });
    await makeOffer({ id: `${tag}-off`, active: false, description: "=HYPERLINK(1)" });
    const list = async (status?: "current" | "expired" | "scheduled" | "inactive") =>
      (await listOffers({ filters: { q: tag, status }, cursor: null, dir: "next", take: 50 })).rows.map((r) => r.id);
    expect((await list()).sort()).toEqual([`${tag}-cur`, `${tag}-exp`, `${tag}-off`, `${tag}-sch`]);
    expect(await list("current")).toEqual([`${tag}-cur`]);
    expect(await list("expired")).toEqual([`${tag}-exp`]);
    expect(await list("scheduled")).toEqual([`${tag}-sch`]);
    expect(await list("inactive")).toEqual([`${tag}-off`]);
    expect(await getOffer(current.id)).toMatchObject({ status: "current", userCount: 2 });

    const csv = await exportOffers({ filters: { q: tag } });
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,name,description,status,/);
    expect(lines).toHaveLength(5);
    // A description a spreadsheet would run as a formula is defused.
    expect(csv).toContain(",'=HYPERLINK(1),");
    expect(lines.find((l) => l.startsWith(`${tag}-cur,`))).toContain(",current,true,shared,");
  });
});

describe("segments", () => {
  it("creates, renames and lists segments with how many offers target each", async () => {
    const id = uid("VIP");
    await createSegment({ actor, input: { id, name: "VIP" } });
    await expect(createSegment({ actor, input: { id, name: "again" } })).rejects.toMatchObject({ key: "segmentExists" });
    await makeOffer({ targeting: "segments", segmentIds: [id] });
    await makeOffer({ targeting: "segments", segmentIds: [id] });
    await renameSegment({ actor, input: { id, name: "Very important" } });
    const page = await listSegments({ filters: { q: id }, cursor: null, dir: "next", take: 10 });
    expect(page.rows).toEqual([expect.objectContaining({ id, name: "Very important", source: "admin", offerCount: 2 })]);
    expect(await prisma.auditLog.count({ where: { entityType: "segment", entityId: id } })).toBe(2);
  });

  it("refuses to delete a segment offers target, and deletes a free one", async () => {
    const used = await makeSegment();
    await makeOffer({ targeting: "segments", segmentIds: [used] });
    await expect(deleteSegment({ actor, segmentId: used })).rejects.toMatchObject({ key: "segmentInUse" });
    const free = await makeSegment();
    await deleteSegment({ actor, segmentId: free });
    expect(await prisma.segment.findUnique({ where: { id: free } })).toBeNull();
  });

  it("filters IMSHOP's segments from admins'", async () => {
    const fromImshop = uid("IMSHOP-SEG");
    await askOffers({ userId: uid("u"), segments: [{ id: fromImshop, name: "From IMSHOP" }] });
    const page = await listSegments({ filters: { q: fromImshop, source: "imshop" }, cursor: null, dir: "next", take: 10 });
    expect(page.rows.map((r) => r.id)).toEqual([fromImshop]);
    expect((await listSegments({ filters: { q: fromImshop, source: "admin" }, cursor: null, dir: "next", take: 10 })).rows).toEqual([]);
  });
});

describe("preview", () => {
  it("answers what the webhook would, explains every other offer, and writes nothing", async () => {
    const seg = await makeSegment();
    const other = await makeSegment();
    const user = uid("user");
    const unknownSeg = uid("NEVER-SEEN");
    const shown = await makeOffer({ targeting: "segments", segmentIds: [seg] });
    const pool = await makeOffer({ promocodeMode: "pool", promocode: null });
    await importOfferCodes({ actor, offerId: pool.id, csv: uid("PC") });
    const emptyPool = await makeOffer({ promocodeMode: "pool", promocode: null });
    const expired = await makeOffer({ expiresAt: new Date(Date.now() - hour) });
    const later = await makeOffer({ startsAt: new Date(Date.now() + hour) });
    const inactive = await makeOffer({ active: false, targeting: "segments", segmentIds: [other] });
    const notForUser = await makeOffer({ targeting: "segments", segmentIds: [other] });

    const segments = [{ id: seg, name: "s" }, { id: unknownSeg, name: "n" }];
    const preview = await previewOffers({ userId: user, segments });
    offersResponseSchema.parse(preview.response);
    const shownIds = preview.response.offers.map((o) => o.id);
    expect(shownIds).toEqual(expect.arrayContaining([shown.id, pool.id]));
    expect(preview.examplePoolCodes).toEqual([pool.id]);
    const reasons = Object.fromEntries(preview.excluded.map((e) => [e.id, e.reasons]));
    expect(reasons[emptyPool.id]).toEqual(["poolExhausted"]);
    expect(reasons[expired.id]).toEqual(["expired"]);
    expect(reasons[later.id]).toEqual(["notStarted"]);
    expect(reasons[inactive.id]).toEqual(["inactive", "notTargeted"]);
    expect(reasons[notForUser.id]).toEqual(["notTargeted"]);
    // Every offer is either shown or explained.
    for (const e of preview.excluded) expect(e.reasons.length, e.id).toBeGreaterThan(0);

    // A dry run: no segment recorded, no code handed out.
    expect(await prisma.segment.findUnique({ where: { id: unknownSeg } })).toBeNull();
    expect(await prisma.offerCode.count({ where: { offerId: pool.id, assignedUserId: { not: null } } })).toBe(0);

    // The real webhook then gives the same answer (the pool code becomes the user's).
    const real = await askOffers({ userId: user, segments });
    expect(real.offers.map((o) => o.id)).toEqual(shownIds);
    expect(real.offers.find((o) => o.id === shown.id)).toEqual(preview.response.offers.find((o) => o.id === shown.id));
    expect((await previewOffers({ userId: user, segments })).examplePoolCodes).toEqual([]);
  });
});
