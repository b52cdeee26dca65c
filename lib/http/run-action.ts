import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/require-role";
import type { Role } from "@/lib/auth/roles";
import { isAppError, type AppError } from "@/lib/http/app-error";
import { zodIssueText } from "@/lib/i18n/zod-messages";
import { logger } from "@/lib/logger";

// Deliberately not "use server": this is the helper every dashboard action calls, not an action itself
// (marked so, it would become an endpoint any browser could call with its own options).

export type ActionFailure = { ok: false; error: string; fields?: Record<string, string> };
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

export type Translator = Awaited<ReturnType<typeof getTranslations>>;
export type ActionActor = { id: string; label: string };

/** A page to refresh after the change: a path, or `{ layout }` for the path and every page below it. */
export type Revalidation = string | { layout: string };

type Common<S extends z.ZodType, T> = {
  /** Checked first, inside the action: the page's own check does not protect a direct call. */
  role: Role;
  schema: S;
  input: unknown;
  /** Pages to refresh after success; a function when they depend on what changed. */
  revalidate?: readonly Revalidation[] | ((data: z.output<S>, result: T) => readonly Revalidation[]);
  /**
   * Which form field a zod issue belongs to: by default the path's first segment ("form" for the input
   * itself); `false` when the form shows only the one message.
   */
  field?: false | ((path: readonly PropertyKey[]) => string);
  /** Logged with an unexpected error, which the user sees only as a generic message. */
  logMessage: string;
  run: (data: z.output<S>, actor: ActionActor) => Promise<T>;
};

/**
 * With a namespace the refusals are worded in the user's language: `errors.invalid`, `errors.forbidden`,
 * `errors.unexpected`, `fieldErrors.<field>` where present (else the issue's `validation` message by its
 * code, lib/i18n/zod-messages.ts), and whatever `mapError`
 * makes of the area's rule errors (return undefined to leave an error to the defaults).
 * Without one the action answers codes its form translates: "invalid", an AppError's code and fields,
 * "internal"; field messages are translated either way (zod issues by code, AppErrors' `fieldMessages`).
 */
export type ActionOptions<S extends z.ZodType, T> = Common<S, T> &
  (
    | { namespace: string; mapError?: (error: unknown, t: Translator) => ActionFailure | undefined }
    | { namespace?: undefined; mapError?: never }
  );

/** The key `zodFields` and the API use: the dotted path, "body" for the input itself. */
export const dottedField = (path: readonly PropertyKey[]): string => (path.length ? path.map(String).join(".") : "body");

/**
 * For `mapError`: a use case's own field checks (AppErrors naming fields), headed by the area's
 * `errors.invalid`; the fields are translated where the use case named catalogue messages.
 */
export function appErrorFieldsFailure(error: unknown, t?: Translator): ActionFailure | undefined {
  if (isAppError(error) && error.fields) return { ok: false, error: t?.has("errors.invalid") ? t("errors.invalid") : error.message, fields: error.fields };
  return undefined;
}

const firstSegment = (path: readonly PropertyKey[]): string => String(path[0] ?? "form");

/** The field errors a use case named catalogue messages for, in the user's language. */
async function catalogueFields(error: AppError): Promise<Record<string, string>> {
  if (!error.fieldMessages) return {};
  const v = await getTranslations("validation");
  return Object.fromEntries(Object.entries(error.fieldMessages).map(([name, { key, values }]) => [name, v(key, values)]));
}

/**
 * The role check, validation, use case, revalidation and error translation every dashboard action
 * shares. Refusals come back as values: a thrown error would reach the browser as an opaque digest.
 */
export async function runAction<S extends z.ZodType, T>(options: ActionOptions<S, T>): Promise<ActionResult<T>> {
  const { role, schema, input, revalidate, field = firstSegment, logMessage, run } = options;
  const t = options.namespace === undefined ? undefined : await getTranslations(options.namespace);
  try {
    const user = await assertRole(role);
    // The input is reported so that an empty value reads "required" rather than "wrong type".
    const parsed = schema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      const error = t ? t("errors.invalid") : "invalid";
      if (field === false) return { ok: false, error };
      const v = await getTranslations("validation");
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const name = field(issue.path);
        fields[name] ??= t?.has(`fieldErrors.${name}`) ? t(`fieldErrors.${name}`) : zodIssueText(issue, v);
      }
      return { ok: false, error, fields };
    }
    const data = await run(parsed.data, { id: user.id, label: user.email });
    const paths = typeof revalidate === "function" ? revalidate(parsed.data, data) : (revalidate ?? []);
    for (const path of paths) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path.layout, "layout");
    }
    return { ok: true, data };
  } catch (error) {
    if (t) {
      const mapped = options.mapError?.(error, t);
      if (mapped?.fields && isAppError(error) && error.fieldMessages) return { ...mapped, fields: { ...mapped.fields, ...(await catalogueFields(error)) } };
      if (mapped) return mapped;
      if (isAppError(error) && (error.code === "unauthorized" || error.code === "forbidden")) return { ok: false, error: t("errors.forbidden") };
    } else if (isAppError(error)) {
      return { ok: false, error: error.code, fields: error.fields && { ...error.fields, ...(await catalogueFields(error)) } };
    }
    logger.error({ err: error }, logMessage);
    return { ok: false, error: t ? t("errors.unexpected") : "internal" };
  }
}
