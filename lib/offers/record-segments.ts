import { prisma, Prisma, type Tx } from "@/lib/db";
import type { WireSegment } from "@/lib/offers/offers.schema";

// Seeing a segment again within this window writes nothing: busy users must not turn each webhook call into row updates.
const TOUCH_EVERY = "1 minute";

/**
 * Records the segments IMSHOP sent, in ONE statement: unknown ids are created with their names (source
 * imshop) so admins can target them; known ones get lastSeenAt. IMSHOP's name is kept up to date for
 * segments it created; an admin's own name for a segment is never overwritten.
 */
export async function recordSegments({ segments, now = new Date(), tx }: { segments: WireSegment[]; now?: Date; tx?: Tx }): Promise<void> {
  const byId = new Map<string, string>();
  for (const s of segments) if (!byId.has(s.id)) byId.set(s.id, s.name || s.id);
  if (byId.size === 0) return;
  // A fixed order: two concurrent calls locking the same rows in different orders could deadlock.
  const ids = [...byId.keys()].sort();
  const names = ids.map((id) => byId.get(id)!);
  await (tx ?? prisma).$executeRaw(Prisma.sql`
    INSERT INTO "Segment" ("id", "name", "source", "createdAt", "lastSeenAt")
    SELECT s."id", s."name", 'imshop', ${now}::timestamp(3), ${now}::timestamp(3)
    FROM unnest(${ids}::text[], ${names}::text[]) AS s("id", "name")
    ON CONFLICT ("id") DO UPDATE SET
      "lastSeenAt" = EXCLUDED."lastSeenAt",
      "name" = CASE WHEN "Segment"."source" = 'imshop' THEN EXCLUDED."name" ELSE "Segment"."name" END
    WHERE "Segment"."lastSeenAt" IS NULL
       OR "Segment"."lastSeenAt" < EXCLUDED."lastSeenAt" - interval '${Prisma.raw(TOUCH_EVERY)}'
       OR ("Segment"."source" = 'imshop' AND "Segment"."name" IS DISTINCT FROM EXCLUDED."name")`);
}
