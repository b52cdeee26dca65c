import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { LOCALES } from "@/i18n/locales";
import { MAX_PASSWORD_BYTES, passwordBytes } from "@/lib/auth/passwords";

// Shared by the server actions, the use cases and the forms on the Users page.
export const emailField = z.string().trim().toLowerCase().pipe(z.email());
// bcrypt ignores everything past 72 bytes (fewer characters in Cyrillic): refuse rather than truncate silently.
export const passwordField = z
  .string()
  .min(8)
  .refine((v) => passwordBytes(v) <= MAX_PASSWORD_BYTES, `At most ${MAX_PASSWORD_BYTES} bytes (bcrypt ignores the rest)`);
export const roleField = z.enum(ROLES);

export const createUserSchema = z.object({
  email: emailField,
  name: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((v) => (v ? v : null)),
  role: roleField,
  password: passwordField,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const userIdField = z.string().min(1).max(64);

export const setUserRoleSchema = z.object({ userId: userIdField, role: roleField });
export const setUserDisabledSchema = z.object({ userId: userIdField, disabled: z.boolean() });
export const resetPasswordSchema = z.object({ userId: userIdField, password: passwordField });
export const localeSchema = z.enum(LOCALES);

export const userListFilters = z.object({
  q: z.string().trim().max(200),
  role: roleField,
  status: z.enum(["active", "disabled"]),
});

/** What the Users page shows for one user; dates as ISO strings so the row can cross to the client. */
export type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: z.infer<typeof roleField>;
  disabled: boolean;
  locale: string;
  lastSignInAt: string | null;
  createdAt: string;
};

/** Rules a form can explain to the admin; the key picks the translated text. */
export type UserRuleKey = "emailTaken" | "selfDisable" | "selfDemote" | "lastAdmin" | "notFound";
