"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import type { NavSection } from "@/components/shell/nav-sections";

/** The grouped menu; the link for the current area (or any page beneath it) is highlighted. */
export function NavList({ sections, onNavigate }: { sections: NavSection[]; onNavigate?: () => void }) {
  const t = useTranslations("common");
  const pathname = usePathname();
  // The longest matching href wins, so /loyalty/clients does not also light up a shorter sibling.
  const active = sections
    .flatMap((s) => s.links)
    .filter((l) => pathname === l.href || pathname.startsWith(`${l.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;

  return (
    <nav aria-label={t("mainNav")} className="space-y-6" data-testid="main-nav">
      {sections.map((section) => (
        <div key={section.key}>
          <p className="px-3 text-[11px] font-semibold uppercase tracking-wider text-slate-400">{section.title}</p>
          <ul className="mt-2 space-y-0.5">
            {section.links.map((link) => {
              const isActive = link.href === active;
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    onClick={onNavigate}
                    aria-current={isActive ? "page" : undefined}
                    data-testid={`nav-${link.href.slice(1).replaceAll("/", "-")}`}
                    className={`block rounded-md px-3 py-1.5 text-sm transition-colors ${
                      isActive
                        ? "bg-white/10 font-medium text-white"
                        : "text-slate-300 hover:bg-white/5 hover:text-white"
                    }`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
