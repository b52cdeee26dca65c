import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { PreviewTool } from "./preview-tool";

export async function generateMetadata() {
  const t = await getTranslations("offers");
  return { title: t("preview.title") };
}

export default async function OfferPreviewPage() {
  await requireRole("staff");
  const t = await getTranslations("offers");
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("preview.title")}
        description={t("preview.description")}
        actions={
          <Link href="/offers" className={ui.buttonSecondary}>
            {t("back")}
          </Link>
        }
      />
      <PreviewTool />
    </div>
  );
}
