"use server";

import { createOffer, updateOffer } from "@/lib/offers/save-offer";
import { deleteOffer } from "@/lib/offers/delete-offer";
import { setOfferActive } from "@/lib/offers/set-offer-active";
import { importOfferCodes } from "@/lib/offers/import-offer-codes";
import { importOfferUsers } from "@/lib/offers/import-offer-users";
import { redeemOffer } from "@/lib/offers/redeem-offer";
import { previewOffers, type PreviewResult } from "@/lib/offers/preview-offers";
import { runAction, type ActionResult } from "@/lib/http/run-action";
import { offerActionOptions } from "@/lib/offers/run-offer-action";
import type { ImportResult } from "@/lib/offers/import-offer-codes";
import {
  importListSchema,
  offerIdInputSchema,
  offerInputSchema,
  offersRequestSchema,
  redeemRequestSchema,
  setOfferActiveSchema,
  type OfferInput,
} from "@/lib/offers/offers.schema";

// Admins change offers; staff read them, preview them and mark codes used at the counter.

// The schema is checked here for translated field errors; the use case parses the same input again.
export async function createOfferAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({
    ...offerActionOptions,
    role: "admin",
    schema: offerInputSchema,
    input,
    run: async (_data, actor) => ({ id: (await createOffer({ actor, input: input as OfferInput })).id }),
  });
}

/** `input.id` is the offer to change; the id itself never changes. */
export async function updateOfferAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({
    ...offerActionOptions,
    role: "admin",
    schema: offerInputSchema,
    input,
    run: async (data, actor) => ({ id: (await updateOffer({ actor, offerId: data.id, input: input as OfferInput })).id }),
  });
}

export async function setOfferActiveAction(input: unknown): Promise<ActionResult<{ offerId: string; active: boolean }>> {
  return runAction({
    ...offerActionOptions,
    role: "admin",
    schema: setOfferActiveSchema,
    input,
    run: ({ offerId, active }, actor) => setOfferActive({ actor, offerId, active }),
  });
}

export async function deleteOfferAction(input: unknown): Promise<ActionResult<{ offerId: string }>> {
  return runAction({ ...offerActionOptions, role: "admin", schema: offerIdInputSchema, input, run: ({ offerId }, actor) => deleteOffer({ actor, offerId }) });
}

export async function importOfferCodesAction(input: unknown): Promise<ActionResult<ImportResult>> {
  return runAction({ ...offerActionOptions, role: "admin", schema: importListSchema, input, run: (data, actor) => importOfferCodes({ actor, ...data }) });
}

export async function importOfferUsersAction(input: unknown): Promise<ActionResult<ImportResult>> {
  return runAction({ ...offerActionOptions, role: "admin", schema: importListSchema, input, run: (data, actor) => importOfferUsers({ actor, ...data }) });
}

/** Staff may mark a code used: they are the ones at the counter when a customer shows it. */
export async function redeemOfferAction(input: unknown): Promise<ActionResult<{ code: string; alreadyRedeemed: boolean; redeemedAt: string }>> {
  return runAction({
    ...offerActionOptions,
    role: "staff",
    schema: redeemRequestSchema,
    input,
    run: async (data, actor) => {
      const r = await redeemOffer({ ...data, source: "dashboard", actor });
      return { code: r.code, alreadyRedeemed: r.alreadyRedeemed, redeemedAt: r.redeemedAt.toISOString() };
    },
  });
}

/** Read-only (a dry run writes nothing), so staff may use it as well as admins. */
export async function previewOffersAction(input: unknown): Promise<ActionResult<PreviewResult>> {
  return runAction({
    ...offerActionOptions,
    role: "staff",
    schema: offersRequestSchema,
    input,
    run: ({ userId, segments }) => previewOffers({ userId, segments }),
  });
}
