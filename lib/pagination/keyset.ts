// Keyset pagination over (createdAt desc, id desc): a deep page costs the same as the first.
export type Cursor = { t: Date; id: string };
export type Direction = "next" | "prev";
export type SortOrder = "asc" | "desc";
export type Page<T> = { rows: T[]; nextCursor: string | null; prevCursor: string | null };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** The page sizes the tables offer. */
export const PAGE_SIZES = [25, 50, 100, 200] as const;

export function encodeCursor(t: Date, id: string): string {
  return Buffer.from(JSON.stringify([t.toISOString(), id])).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [t, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    const date = new Date(t);
    if (Number.isNaN(date.getTime()) || typeof id !== "string") return null;
    return { t: date, id };
  } catch {
    return null;
  }
}

/**
 * The Prisma `where`, `orderBy` and `take` for one page. `field` is the timestamp column the list
 * is sorted by (an index on (field desc, id desc) must exist: PostgreSQL reads it backwards for the
 * oldest-first `order`). One extra row tells if there is more.
 */
export function keysetQuery(cursor: Cursor | null, dir: Direction, take: number, field = "createdAt", order: SortOrder = "desc") {
  // "next" walks toward smaller values in a newest-first list and toward larger ones oldest-first.
  const down = (dir === "next") === (order === "desc");
  const cmp = down ? "lt" : "gt";
  const fetchOrder = down ? "desc" : "asc";
  // The outer bound (lte/gte) lets PostgreSQL start the index scan at the cursor instead of filtering
  // every newer row: a page in the middle of a million rows costs what the first page costs.
  const bound = down ? "lte" : "gte";
  const where = cursor
    ? {
        AND: [
          { [field]: { [bound]: cursor.t } },
          { OR: [{ [field]: { [cmp]: cursor.t } }, { id: { [cmp]: cursor.id } }] },
        ],
      }
    : {};
  return { where, orderBy: [{ [field]: fetchOrder }, { id: fetchOrder }], take: take + 1 };
}

/** Trims the extra row, restores the list's order (a "prev" page is fetched backwards), and computes both cursors. */
export function finishPage<T extends { id: string }>(
  fetched: T[],
  opts: { cursor: Cursor | null; dir: Direction; take: number; timeOf: (row: T) => Date },
): Page<T> {
  const more = fetched.length > opts.take;
  let rows = more ? fetched.slice(0, opts.take) : fetched;
  if (opts.dir === "prev") rows = rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNewer = opts.dir === "prev" ? more : opts.cursor !== null;
  const hasOlder = opts.dir === "next" ? more : true;
  return {
    rows,
    nextCursor: hasOlder && last ? encodeCursor(opts.timeOf(last), last.id) : null,
    prevCursor: hasNewer && first ? encodeCursor(opts.timeOf(first), first.id) : null,
  };
}
