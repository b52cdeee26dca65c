"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { NavList } from "@/components/shell/nav-list";
import type { NavSection } from "@/components/shell/nav-sections";

/** Below the large breakpoint the sidebar is hidden; this button opens the same menu as a drawer. */
export function MobileNav({ sections }: { sections: NavSection[] }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md p-2 text-slate-600 hover:bg-slate-100"
        aria-label={t("openMenu")}
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-5 w-5">
          <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />
        </svg>
      </button>
      {open ? (
        <div className="fixed inset-0 z-40 flex">
          <button type="button" aria-label={t("closeMenu")} className="absolute inset-0 bg-slate-900/40" onClick={() => setOpen(false)} />
          <div className="relative z-10 h-full w-72 overflow-y-auto bg-slate-900 px-3 py-5">
            <NavList sections={sections} onNavigate={() => setOpen(false)} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
