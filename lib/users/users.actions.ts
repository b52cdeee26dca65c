"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { assertRole, getSessionUser } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/http/app-error";
import { logger } from "@/lib/logger";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { createUser } from "@/lib/users/create-user";
import { updateUser, type UserChange } from "@/lib/users/update-user";
import { setUserLocale } from "@/lib/users/set-user-locale";
import { UserRuleError } from "@/lib/users/user-rule-error";
import {
  createUserSchema,
  localeSchema,
  resetPasswordSchema,
  setUserDisabledSchema,
  setUserRoleSchema,
  type UserRow,
} from "@/lib/users/users.schema";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fields?: Record<string, string> };

export async function createUserAction(input: unknown): Promise<ActionResult<UserRow>> {
  return run(createUserSchema, input, async (data, actor) => createUser({ actor, input: data }));
}

export async function setUserRoleAction(input: unknown): Promise<ActionResult<UserRow>> {
  return run(setUserRoleSchema, input, ({ userId, role }, actor) => updateUser({ actor, userId, change: { role } }));
}

export async function setUserDisabledAction(input: unknown): Promise<ActionResult<UserRow>> {
  return run(setUserDisabledSchema, input, ({ userId, disabled }, actor) => updateUser({ actor, userId, change: { disabled } }));
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<UserRow>> {
  return run(resetPasswordSchema, input, ({ userId, password }, actor) =>
    updateUser({ actor, userId, change: { password } satisfies UserChange }),
  );
}

/**
 * Switches the interface language. Open to visitors who are not signed in (the sign-in page has the
 * switch too): for them only the cookie is set; a signed-in user's choice is also saved on the account.
 */
export async function setLocaleAction(locale: unknown): Promise<ActionResult<Locale>> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { ok: false, error: "Unknown language", fields: { locale: "Unknown language" } };
  const user = await getSessionUser();
  if (user) await setUserLocale({ userId: user.id, locale: parsed.data });
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return { ok: true, data: parsed.data };
}

/** The admin check, validation and error translation every Users action shares. */
async function run<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.output<S>, actor: { id: string; label: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const t = await getTranslations("users");
  try {
    const user = await assertRole("admin");
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
    revalidatePath("/users");
    return { ok: true, data };
  } catch (error) {
    if (error instanceof UserRuleError) {
      const message = t(`errors.${error.key}`);
      const fields = Object.fromEntries(Object.keys(error.fields ?? {}).map((f) => [f, message]));
      return { ok: false, error: message, fields };
    }
    if (isAppError(error) && (error.code === "unauthorized" || error.code === "forbidden")) {
      return { ok: false, error: t("errors.forbidden") };
    }
    logger.error({ err: error }, "users action failed");
    return { ok: false, error: t("errors.unexpected") };
  }
}
