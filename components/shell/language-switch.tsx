"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES, type Locale } from "@/i18n/locales";
import { setLocaleAction } from "@/lib/users/users.actions";

const NAMES: Record<Locale, string> = { ru: "Русский", en: "English" };
const SHORT: Record<Locale, string> = { ru: "RU", en: "EN" };

/** RU | EN toggle: saves the choice (on the account when signed in) and re-renders the page in it. */
export function LanguageSwitch({ current }: { current: Locale }) {
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: Locale) => {
    if (locale === current) return;
    startTransition(async () => {
      const res = await setLocaleAction(locale);
      if (res.ok) router.refresh();
    });
  };

  return (
    <div
      role="group"
      aria-label={t("language")}
      className={`inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-xs font-medium shadow-sm ${pending ? "opacity-60" : ""}`}
      data-testid="language-switch"
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          title={NAMES[locale]}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          data-testid={`language-${locale}`}
          className={`rounded px-2 py-1 transition-colors ${
            locale === current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"
          }`}
        >
          {SHORT[locale]}
        </button>
      ))}
    </div>
  );
}
