"use server";

import { z } from "zod";
import { appErrorFieldsFailure, runAction, type ActionFailure, type Translator } from "@/lib/http/run-action";
import { adjustBalance } from "@/lib/loyalty/adjust-balance";
import { deleteLevel } from "@/lib/loyalty/delete-level";
import { eraseClient } from "@/lib/loyalty/erase-client";
import { LoyaltyRuleError } from "@/lib/loyalty/loyalty-rule-error";
import { adjustmentInput, clientInput, levelInput, pointInput } from "@/lib/loyalty/loyalty.schema";
import { refundOperation } from "@/lib/loyalty/refund-operation";
import { saveClient } from "@/lib/loyalty/save-client";
import { saveLevel } from "@/lib/loyalty/save-level";
import { savePoint } from "@/lib/loyalty/save-point";

const idField = { id: z.string().max(100).nullish() };

const loyalty = { namespace: "loyalty", logMessage: "loyalty action failed", mapError: loyaltyRuleFailure };
// Each action refreshes its own list and every page below it (a client's own page under /loyalty/clients).
const layouts = (...paths: string[]) => paths.map((layout) => ({ layout }));

export async function savePointAction(input: unknown) {
  return runAction({
    ...loyalty,
    role: "admin",
    schema: pointInput.extend(idField),
    input,
    run: ({ id, ...data }, actor) => savePoint({ id, input: data, actor }),
    revalidate: layouts("/loyalty/points"),
  });
}

export async function saveLevelAction(input: unknown) {
  return runAction({
    ...loyalty,
    role: "admin",
    schema: levelInput.extend(idField),
    input,
    run: ({ id, ...data }, actor) => saveLevel({ id, input: data, actor }),
    revalidate: layouts("/loyalty/levels"),
  });
}

export async function deleteLevelAction(input: unknown) {
  return runAction({
    ...loyalty,
    role: "admin",
    schema: z.object({ id: z.string().min(1) }),
    input,
    run: ({ id }, actor) => deleteLevel({ id, actor }),
    revalidate: layouts("/loyalty/levels"),
  });
}

export async function saveClientAction(input: unknown) {
  return runAction({
    ...loyalty,
    role: "admin",
    schema: z.intersection(clientInput, z.object(idField)),
    input,
    run: async ({ id, ...data }, actor) => (await saveClient({ id, input: data, actor })).id,
    revalidate: layouts("/loyalty/clients"),
  });
}

export async function adjustBalanceAction(input: unknown) {
  return runAction({
    ...loyalty,
    role: "admin",
    schema: adjustmentInput,
    input,
    run: (data, actor) => adjustBalance({ ...data, actor }),
    revalidate: layouts("/loyalty/clients"),
  });
}

/** Erases a client's personal data on their request (152-FZ, GDPR); ledger and balance stay. */
export async function eraseClientAction(input: unknown) {
  return runAction({
    ...loyalty,
    role: "admin",
    schema: z.object({ clientId: z.string().min(1).max(100) }),
    input,
    run: ({ clientId }, actor) => eraseClient({ clientId, actor }),
    revalidate: layouts("/loyalty/clients"),
  });
}

export async function refundOperationAction(input: unknown) {
  const schema = z.object({ operationId: z.string().min(1), reason: z.string().trim().max(500).nullish() });
  return runAction({
    ...loyalty,
    role: "admin",
    schema,
    input,
    run: (data, actor) => refundOperation({ ...data, actor }),
    revalidate: layouts("/loyalty/operations", "/loyalty/clients"),
  });
}

/** Rule errors in the admin's language; the use cases' own field checks in their words. */
function loyaltyRuleFailure(error: unknown, t: Translator): ActionFailure | undefined {
  if (error instanceof LoyaltyRuleError) {
    const message = t(`errors.${error.key}`, error.values);
    return { ok: false, error: message, fields: { [error.field]: message } };
  }
  return appErrorFieldsFailure(error, t);
}
