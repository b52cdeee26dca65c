import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { ui } from "@/components/shell/ui-classes";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <StatusPage code="404" title={t("notFoundTitle")} text={t("notFoundText")} testId="not-found">
      <Link href="/" className={ui.buttonPrimary}>
        {t("backToDashboard")}
      </Link>
    </StatusPage>
  );
}
