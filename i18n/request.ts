import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/require-role";
import { DEFAULT_LOCALE, LOCALE_COOKIE, NAMESPACES, isLocale, type Locale } from "@/i18n/locales";

// No locale in the URL: a signed-in user's saved choice wins, then the cookie, then Russian.
export default getRequestConfig(async () => {
  const user = await getSessionUser().catch(() => null);
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(user?.locale) ? user.locale : isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  const parts = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../messages/${locale}/${ns}.json`)).default] as const),
  );
  return { locale, messages: Object.fromEntries(parts), timeZone: "Europe/Moscow" };
});
