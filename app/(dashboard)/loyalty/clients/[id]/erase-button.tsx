"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useConfirm } from "@/components/shell/confirm-dialog";
import { ui } from "@/components/shell/ui-classes";
import { eraseClientAction } from "@/lib/loyalty/loyalty.actions";

/** Admins erase a client's personal data on the client's request; the balance and history stay. */
export function EraseClientButton({ clientId }: { clientId: string }) {
  const t = useTranslations("loyalty");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  return (
    <div className="space-y-2">
      {dialog}
      {error ? <p className={ui.fieldError}>{error}</p> : null}
      <button
        type="button"
        disabled={pending}
        className={ui.buttonSecondary}
        data-testid="client-erase"
        onClick={async () => {
          if (!(await confirm({ message: t("erase.confirm"), confirmLabel: t("erase.button"), danger: true }))) return;
          setPending(true);
          void eraseClientAction({ clientId }).then((res) => {
            setPending(false);
            if (res.ok) router.refresh();
            else setError(res.error);
          });
        }}
      >
        {t("erase.button")}
      </button>
    </div>
  );
}
