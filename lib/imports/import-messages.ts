import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";
import en from "@/messages/en/imports.json";
import ru from "@/messages/ru/imports.json";

// The imports catalogue outside a page (the error report is a file for the API too): the same
// messages, formatted by next-intl's own translator.
const CATALOGUES = { en, ru } as const;

export function importsTranslator(locale: Locale) {
  return createTranslator({ locale, messages: { imports: CATALOGUES[locale] }, namespace: "imports" });
}

/** The caller's language from Accept-Language (the API), Russian when it names neither. */
export function localeFromHeader(header: string | null): Locale {
  const tags = (header ?? "").split(",").map((part) => part.split(";")[0].trim().slice(0, 2).toLowerCase());
  return tags.find((t) => isLocale(t)) as Locale | undefined ?? DEFAULT_LOCALE;
}
