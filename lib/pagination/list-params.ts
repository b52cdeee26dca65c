import { z } from "zod";
import { decodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Cursor, type Direction, type SortOrder } from "@/lib/pagination/keyset";

export type SearchParams = Record<string, string | string[] | undefined>;

/** `order`: the time column's direction (`order=asc` in the URL; newest first otherwise). */
export type ListParams<F> = { filters: F; cursor: Cursor | null; dir: Direction; take: number; order?: SortOrder };

/**
 * Reads a list page's URL: `cursor`, `dir` (next|prev), `size`, `order` (asc|desc), and the area's own filters,
 * parsed by its zod schema. A bad filter value is dropped rather than failing the page.
 */
export function parseListParams<S extends z.ZodObject>(searchParams: SearchParams, filters: S): ListParams<z.infer<S>> {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(searchParams)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") flat[k] = value;
  }
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(filters.shape)) {
    if (!(key in flat)) continue;
    const one = (filters.shape as Record<string, z.ZodType>)[key].safeParse(flat[key]);
    if (one.success) picked[key] = one.data;
  }
  const size = Number(flat.size);
  return {
    filters: filters.partial().parse(picked) as z.infer<S>,
    cursor: decodeCursor(flat.cursor),
    dir: flat.dir === "prev" ? "prev" : "next",
    take: Number.isInteger(size) && size > 0 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
    order: flat.order === "asc" ? "asc" : "desc",
  };
}
