import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import type { Locale } from "@/i18n/locales";
import { GlobalSearch } from "@/components/search/global-search";
import { DeliveryCounters } from "@/components/shell/delivery-counters";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { MobileNav } from "@/components/shell/mobile-nav";
import type { NavSection } from "@/components/shell/nav-sections";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { SignOutEverywhereButton } from "@/components/shell/sign-out-everywhere-button";

/** The bar above every dashboard page: status widgets, language, who is signed in, sign-out. */
export async function Header({ user, locale, sections }: { user: SessionUser; locale: Locale; sections: NavSection[] }) {
  const t = await getTranslations("common");
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-6">
      <MobileNav sections={sections} />
      <div className="flex-1" />
      <GlobalSearch />
      {/* Status widgets (e.g. delivery counters) go here, left of the user controls. */}
      <div className="flex items-center gap-3" data-testid="header-widgets"><DeliveryCounters isAdmin={user.role === "admin"} /></div>
      <LanguageSwitch current={locale} />
      <div className="hidden h-6 w-px bg-slate-200 sm:block" />
      <div className="flex items-center gap-2.5" data-testid="current-user">
        <span
          aria-hidden
          className="flex h-8 w-8 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold uppercase text-slate-600"
        >
          {(user.name || user.email).slice(0, 1)}
        </span>
        <div className="hidden leading-tight sm:block">
          <p className="max-w-[220px] truncate text-sm font-medium text-slate-800" data-testid="current-user-email">
            {user.email}
          </p>
          <p className="text-xs text-slate-500" data-testid="current-user-role">
            {t(`roles.${user.role}`)}
          </p>
        </div>
      </div>
      <SignOutEverywhereButton />
      <SignOutButton />
    </header>
  );
}
