import { assertRole } from "@/lib/auth/require-role";
import { csvResponse } from "@/lib/http/csv-response";
import { route } from "@/lib/http/route";
import { exportOfferCodes } from "@/lib/offers/export-offer-codes";

// A pool offer's codes, with who holds each: admins only, audited by the use case; streams page by page.
export const GET = route({}, async ({ params }) => {
  const user = await assertRole("admin");
  const offerId = String(params.id ?? "").slice(0, 100);
  return csvResponse(exportOfferCodes({ offerId, actor: { id: user.id, label: user.email } }), `offer-${offerId}-codes.csv`);
});
