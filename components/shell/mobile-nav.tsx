"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { NavList } from "@/components/shell/nav-list";
import type { NavSection } from "@/components/shell/nav-sections";

/**
 * Below the large breakpoint the sidebar is hidden; this button opens the same menu as a drawer. The
 * drawer is portalled to <body>: inside the header, whose backdrop-blur makes it the containing block
 * of fixed children, it was squeezed into a strip of the header's height.
 */
export function MobileNav({ sections }: { sections: NavSection[] }) {
  const t = useTranslations("ui");
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger className="rounded-md p-2 text-slate-600 hover:bg-slate-100" aria-label={t("openMenu")} data-testid="mobile-nav-open">
          <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-5 w-5">
            <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />
          </svg>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" data-testid="mobile-nav-overlay" />
          <Dialog.Content
            aria-describedby={undefined}
            className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-slate-900 shadow-xl"
            data-testid="mobile-nav"
          >
            <div className="flex h-14 shrink-0 items-center justify-between border-b border-white/10 px-5">
              <Dialog.Title className="text-sm font-semibold text-white">{t("menu")}</Dialog.Title>
              <Dialog.Close aria-label={t("closeMenu")} className="rounded p-1 text-slate-300 hover:bg-white/10 hover:text-white" data-testid="mobile-nav-close">
                <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-5 w-5">
                  <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
                </svg>
              </Dialog.Close>
            </div>
            <div className="flex-1 overflow-y-auto px-3 py-5">
              <NavList sections={sections} onNavigate={() => setOpen(false)} />
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
