import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ui } from "@/components/shell/ui-classes";
import type { SetupStep } from "@/lib/overview/overview.schema";

/** Shown to admins while any IMSHOP URL or key is empty: what is missing and where to set it. */
export async function SetupChecklist({ steps }: { steps: SetupStep[] }) {
  const t = await getTranslations("overview.setup");
  return (
    <section className="rounded-xl border border-amber-200 bg-amber-50 p-5" data-testid="overview-setup" aria-labelledby="overview-setup-title">
      <h2 id="overview-setup-title" className="text-base font-semibold text-amber-950">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-amber-950/80">{t("text")}</p>
      <ul className="mt-3 space-y-1.5">
        {steps.map((step) => (
          <li key={step.key} className="flex items-center gap-2 text-sm text-amber-950" data-testid={`overview-setup-${step.key}`} data-done={step.done}>
            <span aria-hidden className={`flex h-5 w-5 items-center justify-center rounded-full text-xs ${step.done ? "bg-emerald-600 text-white" : "border border-amber-500 bg-white"}`}>
              {step.done ? "✓" : ""}
            </span>
            <span>{t(`steps.${step.key}`)}</span>
            <span className={step.done ? "text-emerald-800" : "font-medium text-amber-900"}>— {step.done ? t("done") : t("missing")}</span>
          </li>
        ))}
      </ul>
      <Link href="/settings/imshop" className={`${ui.buttonPrimary} mt-4`} data-testid="overview-setup-open">
        {t("open")}
      </Link>
    </section>
  );
}
