import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { listSegmentOptions } from "@/lib/offers/offers.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { OfferForm } from "../offer-form";

export async function generateMetadata() {
  const t = await getTranslations("offers");
  return { title: t("newOffer") };
}

export default async function NewOfferPage() {
  await requireRole("admin");
  const [t, segments] = await Promise.all([getTranslations("offers"), listSegmentOptions()]);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("newOffer")}
        description={t("newOfferDescription")}
        actions={
          <Link href="/offers" className={ui.buttonSecondary}>
            {t("back")}
          </Link>
        }
      />
      <OfferForm mode="create" segments={segments} />
    </div>
  );
}
