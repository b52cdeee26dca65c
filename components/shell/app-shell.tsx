import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/locales";
import { Header } from "@/components/shell/header";
import { NavList } from "@/components/shell/nav-list";
import { buildNav } from "@/components/shell/nav-sections";

/** The dashboard frame: a dark sidebar with the menu this user may see, the header, then the page. */
export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [nav, common, ui, locale] = await Promise.all([getTranslations("nav"), getTranslations("common"), getTranslations("ui"), getLocale()]);
  const sections = buildNav(user, { nav: (k) => nav(k), common: (k) => common(k), home: ui("home") });
  return (
    <div className="min-h-screen lg:pl-64">
      {/* First in the tab order: keyboard users jump past the menu and header to the page itself. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg"
        data-testid="skip-link"
      >
        {ui("skipToContent")}
      </a>
      <aside className="fixed inset-y-0 left-0 z-40 hidden w-64 flex-col bg-slate-900 lg:flex">
        <Link href="/" className="flex h-14 shrink-0 items-center gap-2.5 border-b border-white/10 px-5">
          <span className="flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-xs font-bold text-white">IC</span>
          <span className="text-sm font-semibold tracking-tight text-white">{common("appName")}</span>
        </Link>
        <div className="flex-1 overflow-y-auto px-3 py-5">
          <NavList sections={sections} />
        </div>
      </aside>
      <Header user={user} locale={isLocale(locale) ? locale : DEFAULT_LOCALE} sections={sections} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1400px] px-4 py-6 outline-none sm:px-6 lg:px-8">{children}</main>
    </div>
  );
}
