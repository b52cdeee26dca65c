import { assertRole } from "@/lib/auth/require-role";
import { route } from "@/lib/http/route";
import { parseListParams } from "@/lib/pagination/list-params";
import { exportOffers } from "@/lib/offers/export-offers";
import { offerListFilters } from "@/lib/offers/offers.schema";

// The offer list as CSV, with the same filters as the page it is downloaded from. Staff may read offers, so they may export them.
export const GET = route({}, async ({ req }) => {
  await assertRole("staff");
  const search = Object.fromEntries(new URL(req.url).searchParams);
  const { filters } = parseListParams(search, offerListFilters);
  const csv = await exportOffers({ filters });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="offers-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
