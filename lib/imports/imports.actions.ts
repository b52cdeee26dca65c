"use server";

import { z } from "zod";
import { isAppError } from "@/lib/http/app-error";
import { runAction, type ActionResult } from "@/lib/http/run-action";
import { cancelImport } from "@/lib/imports/cancel-import";
import { reverseImport } from "@/lib/imports/reverse-import";

const idInput = z.object({ id: z.string().min(1).max(100) });

const options = {
  role: "admin" as const,
  schema: idInput,
  namespace: "imports",
  field: false as const,
  revalidate: ["/loyalty/imports"],
  // A finished import cannot be cancelled, a reversed one not reversed again: said in the user's words.
  mapError: (error: unknown, t: (key: string) => string) =>
    isAppError(error) && (error.code === "conflict" || error.code === "not_found") ? { ok: false as const, error: t(`errors.${error.code}`) } : undefined,
};

export async function cancelImportAction(input: unknown): Promise<ActionResult> {
  return runAction({ ...options, input, logMessage: "cancel import failed", run: async ({ id }, actor) => void (await cancelImport({ id, actor })) });
}

export async function reverseImportAction(input: unknown): Promise<ActionResult<{ entries: number; points: number }>> {
  return runAction({ ...options, input, logMessage: "reverse import failed", run: ({ id }, actor) => reverseImport({ id, actor }) });
}
