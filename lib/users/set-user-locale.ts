import { prisma, type Tx } from "@/lib/db";
import type { Locale } from "@/i18n/locales";

/** Saves a user's interface language; a preference, so it is not audited. */
export async function setUserLocale({ userId, locale, tx }: { userId: string; locale: Locale; tx?: Tx }): Promise<void> {
  await (tx ?? prisma).user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}
