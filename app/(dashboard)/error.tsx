"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ui } from "@/components/shell/ui-classes";

/**
 * A page that threw on the server shows this inside the dashboard frame, in the user's language,
 * instead of Next's English default. The digest is what the server logged, so support can find it.
 */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ui");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-red-200 bg-white p-8 text-center shadow-sm" data-testid="page-error">
      <h1 className="text-xl font-semibold text-slate-900">{t("errorTitle")}</h1>
      <p className="mt-3 text-sm leading-6 text-slate-600">{t("errorText")}</p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-slate-500" data-testid="page-error-digest">
          {t("errorReference", { digest: error.digest })}
        </p>
      ) : null}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" className={ui.buttonPrimary} onClick={reset} data-testid="page-error-retry">
          {t("retry")}
        </button>
        <Link href="/" className={ui.buttonSecondary}>
          {t("backToOverview")}
        </Link>
      </div>
    </div>
  );
}
