"use server";

import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/require-role";
import { runAction, type ActionFailure, type ActionResult, type Translator } from "@/lib/http/run-action";
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

/** What every Users action shares: the list to refresh and the user rules worded in the admin's language. */
const users = { namespace: "users", revalidate: ["/users"], logMessage: "users action failed", mapError: userRuleFailure };

export async function createUserAction(input: unknown): Promise<ActionResult<UserRow>> {
  return runAction({ ...users, role: "admin", schema: createUserSchema, input, run: async (data, actor) => createUser({ actor, input: data }) });
}

export async function setUserRoleAction(input: unknown): Promise<ActionResult<UserRow>> {
  return runAction({
    ...users,
    role: "admin",
    schema: setUserRoleSchema,
    input,
    run: ({ userId, role }, actor) => updateUser({ actor, userId, change: { role } }),
  });
}

export async function setUserDisabledAction(input: unknown): Promise<ActionResult<UserRow>> {
  return runAction({
    ...users,
    role: "admin",
    schema: setUserDisabledSchema,
    input,
    run: ({ userId, disabled }, actor) => updateUser({ actor, userId, change: { disabled } }),
  });
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<UserRow>> {
  return runAction({
    ...users,
    role: "admin",
    schema: resetPasswordSchema,
    input,
    run: ({ userId, password }, actor) => updateUser({ actor, userId, change: { password } satisfies UserChange }),
  });
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

function userRuleFailure(error: unknown, t: Translator): ActionFailure | undefined {
  if (!(error instanceof UserRuleError)) return undefined;
  const message = t(`errors.${error.key}`);
  const fields = Object.fromEntries(Object.keys(error.fields ?? {}).map((f) => [f, message]));
  return { ok: false, error: message, fields };
}
