"use server";

import { z } from "zod";
import { appErrorFieldsFailure, runAction } from "@/lib/http/run-action";
import { createApiKeyInput, updateApiKeyInput } from "@/lib/api-keys/api-keys.schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { updateApiKey } from "@/lib/api-keys/update-api-key";

// The keys page's texts live in the loyalty messages (their `apiKeys` section).
const apiKeys = { namespace: "loyalty", revalidate: ["/api-keys"], logMessage: "api key action failed", mapError: appErrorFieldsFailure };

/** Returns the new key's full value: the page shows it once, and it cannot be read again. */
export async function createApiKeyAction(input: unknown) {
  return runAction({ ...apiKeys, role: "admin", schema: createApiKeyInput, input, run: (data, actor) => createApiKey({ input: data, actor }) });
}

export async function updateApiKeyAction(input: unknown) {
  return runAction({ ...apiKeys, role: "admin", schema: updateApiKeyInput, input, run: (data, actor) => updateApiKey({ input: data, actor }) });
}

export async function revokeApiKeyAction(input: unknown) {
  return runAction({
    ...apiKeys,
    role: "admin",
    schema: z.object({ id: z.string().min(1) }),
    input,
    run: async ({ id }, actor) => (await revokeApiKey({ id, actor })).revokedAt?.toISOString() ?? null,
  });
}

