"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

/**
 * A centred dialog over a dimmed page, on Radix Dialog: focus is trapped inside while it is open and
 * returns to where it was when it closes; Escape or a click outside closes it. Callers mount it while
 * it should show and unmount it on `onClose`, as they did with the hand-written modal it replaces.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
  width = "max-w-md",
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  width?: string;
}) {
  const t = useTranslations("ui");
  // Callers open the modal from their own button rather than a Radix Trigger, so Radix has nothing to
  // return focus to: remember what had focus when the modal mounted and give it back on close.
  const [returnTo] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        {/* The overlay is the scroll container, so a dialog taller than a phone screen still scrolls. */}
        <Dialog.Overlay className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 sm:pt-24">
          <Dialog.Content
            data-testid={testId}
            aria-describedby={undefined}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              if (returnTo?.isConnected) returnTo.focus();
            }}
            className={`relative w-full ${width} rounded-xl border border-slate-200 bg-white shadow-xl`}
          >
            <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
              <Dialog.Title className="text-base font-semibold text-slate-900">{title}</Dialog.Title>
              <Dialog.Close aria-label={t("close")} className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-700">
                <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-4 w-4">
                  <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
                </svg>
              </Dialog.Close>
            </div>
            <div className="px-5 py-4">{children}</div>
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
