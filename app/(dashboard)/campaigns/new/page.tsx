import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { moscowIsoDate } from "@/lib/scans/moscow-day";
import { PageHeader } from "@/components/shell/page-header";
import { CampaignForm } from "../campaign-form";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("newTitle") };
}

export default async function NewCampaignPage() {
  await requireRole("admin");
  const t = await getTranslations("campaigns");
  return (
    <div className="space-y-5">
      <Link href="/campaigns" className="text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <PageHeader title={t("newTitle")} />
      <CampaignForm
        initial={{
          name: "",
          startsOn: moscowIsoDate(new Date()),
          endsOn: null,
          bonusPoints: 100,
          autoApprove: false,
          perUserDailyLimit: null,
          active: true,
          gtins: [],
          texts: {},
        }}
      />
    </div>
  );
}
