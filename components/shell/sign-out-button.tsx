"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ui } from "@/components/shell/ui-classes";

export function SignOutButton() {
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={`${ui.buttonGhost} ${ui.buttonSmall}`}
      data-testid="sign-out"
      onClick={() => {
        setPending(true);
        // Navigate ourselves: next-auth's own redirect goes to NEXTAUTH_URL, which may not be the host in use.
        void signOut({ redirect: false }).finally(() => {
          router.replace("/sign-in");
          router.refresh();
        });
      }}
    >
      <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-4 w-4">
        <path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M13 14l4-4-4-4M17 10H8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {t("signOut")}
    </button>
  );
}
