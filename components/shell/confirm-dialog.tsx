"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";

type Ask = { message: string; title?: string; confirmLabel?: string; danger?: boolean };

/**
 * The dashboard's one confirmation box, in place of the browser's confirm(): translated buttons, focus
 * trapped and returned (it is a Modal). `confirm()` resolves true or false; render `dialog` once.
 *   const { confirm, dialog } = useConfirm();
 *   if (!(await confirm({ message: t("deleteConfirm") }))) return;
 */
export function useConfirm(): { confirm: (ask: Ask) => Promise<boolean>; dialog: ReactNode } {
  const t = useTranslations("ui");
  const [ask, setAsk] = useState<Ask | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const confirm = useCallback((next: Ask) => {
    // A second question while one is open answers the first with "no" rather than leaving it hanging.
    resolver.current?.(false);
    setAsk(next);
    return new Promise<boolean>((resolve) => (resolver.current = resolve));
  }, []);

  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setAsk(null);
  };

  const dialog = ask ? (
    <Modal title={ask.title ?? t("confirmTitle")} onClose={() => answer(false)} testId="confirm-dialog">
      <p className="text-sm text-slate-700" data-testid="confirm-message">
        {ask.message}
      </p>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={ui.buttonSecondary} onClick={() => answer(false)} data-testid="confirm-cancel">
          {t("cancel")}
        </button>
        <button
          type="button"
          autoFocus
          className={ask.danger ? ui.buttonDangerSolid : ui.buttonPrimary}
          onClick={() => answer(true)}
          data-testid="confirm-ok"
        >
          {ask.confirmLabel ?? t("confirm")}
        </button>
      </div>
    </Modal>
  ) : null;

  return { confirm, dialog };
}
