import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import type { Role } from "@/lib/auth/roles";
import type { Actor } from "@/lib/audit/record-audit";
import { isAppError } from "@/lib/http/app-error";
import { logger } from "@/lib/logger";
import { OfferRuleError } from "@/lib/offers/offer-errors";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

/**
 * The role check, validation and error translation every Offers and Segments action shares. Refusals
 * come back as values (a thrown error would reach the browser as an opaque digest in production).
 */
export async function runOfferAction<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: Actor & { id: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const t = await getTranslations("offers");
  try {
    const user = await assertRole(role);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        fields[field] ??= t.has(`fieldErrors.${field}`) ? t(`fieldErrors.${field}`) : issue.message;
      }
      return { ok: false, error: t("errors.invalid"), fields };
    }
    const data = await fn(parsed.data, { id: user.id, label: user.email });
    revalidatePath("/offers", "layout");
    revalidatePath("/segments");
    return { ok: true, data };
  } catch (error) {
    if (error instanceof OfferRuleError) {
      const message = t(`errors.${error.key}`) + (error.detail ? `: ${error.detail}` : "");
      const fields = Object.fromEntries(Object.keys(error.fields ?? {}).map((f) => [f, message]));
      return { ok: false, error: message, fields };
    }
    if (isAppError(error) && (error.code === "unauthorized" || error.code === "forbidden")) return { ok: false, error: t("errors.forbidden") };
    logger.error({ err: error }, "offers action failed");
    return { ok: false, error: t("errors.unexpected") };
  }
}
