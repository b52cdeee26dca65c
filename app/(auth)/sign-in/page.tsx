import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/require-role";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { isLocale, DEFAULT_LOCALE } from "@/i18n/locales";
import { safeCallback } from "@/lib/auth/safe-callback";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const common = await getTranslations("common");
  const locale = await getLocale();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-slate-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white shadow-sm">
            IC
          </div>
          <h1 className="mt-4 text-2xl font-semibold text-slate-900">{common("appName")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("subtitle")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h2 className="mb-6 text-lg font-semibold text-slate-900">{t("title")}</h2>
          <SignInForm callbackUrl={callbackUrl} />
        </div>
        <div className="mt-6 flex justify-center">
          <LanguageSwitch current={isLocale(locale) ? locale : DEFAULT_LOCALE} />
        </div>
      </div>
    </main>
  );
}
