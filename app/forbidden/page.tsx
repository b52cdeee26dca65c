import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/require-role";
import { StatusPage } from "@/components/shell/status-page";
import { ui } from "@/components/shell/ui-classes";

export async function generateMetadata() {
  const t = await getTranslations("common");
  return { title: t("forbiddenTitle") };
}

export default async function ForbiddenPage() {
  const t = await getTranslations("common");
  const user = await getSessionUser();
  return (
    <StatusPage code="403" title={t("forbiddenTitle")} text={t("forbiddenText")} testId="forbidden">
      <Link href={user ? "/" : "/sign-in"} className={ui.buttonPrimary}>
        {user ? t("backToDashboard") : t("goToSignIn")}
      </Link>
    </StatusPage>
  );
}
