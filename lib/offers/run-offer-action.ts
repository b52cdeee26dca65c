import type { ActionFailure, Translator } from "@/lib/http/run-action";
import { OfferRuleError } from "@/lib/offers/offer-errors";

/** The runAction options the Offers and Segments actions share: both lists show offers and segments. */
export const offerActionOptions = {
  namespace: "offers",
  revalidate: [{ layout: "/offers" }, "/segments"],
  logMessage: "offers action failed",
  mapError: offerRuleFailure,
};

function offerRuleFailure(error: unknown, t: Translator): ActionFailure | undefined {
  if (!(error instanceof OfferRuleError)) return undefined;
  const message = t(`errors.${error.key}`) + (error.detail ? `: ${error.detail}` : "");
  const fields = Object.fromEntries(Object.keys(error.fields ?? {}).map((f) => [f, message]));
  return { ok: false, error: message, fields };
}
