"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useConfirm } from "@/components/shell/confirm-dialog";
import { ui } from "@/components/shell/ui-classes";
import { signOutEverywhereAction } from "@/lib/auth/auth.actions";

/** Ends this user's sessions on every device (a lost phone, a shared computer), then this one. */
export function SignOutEverywhereButton() {
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const { confirm, dialog } = useConfirm();
  return (
    <>
      {dialog}
      <button
      type="button"
      disabled={pending}
      className={`${ui.buttonGhost} ${ui.buttonSmall} hidden sm:inline-flex`}
      data-testid="sign-out-everywhere"
      title={t("signOutEverywhereHint")}
      onClick={async () => {
        if (!(await confirm({ message: t("signOutEverywhereConfirm"), confirmLabel: t("signOutEverywhere"), danger: true }))) return;
        setPending(true);
        void signOutEverywhereAction()
          .then(() => signOut({ redirect: false }))
          .finally(() => {
            router.replace("/sign-in");
            router.refresh();
          });
      }}
    >
      {t("signOutEverywhere")}
      </button>
    </>
  );
}
