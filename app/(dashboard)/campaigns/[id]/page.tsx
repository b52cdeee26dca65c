import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getCampaignForm } from "@/lib/campaigns/campaigns.queries";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/shell/badge";
import { ui } from "@/components/shell/ui-classes";
import { CampaignForm } from "../campaign-form";
import { GtinImport } from "./gtin-import";
import { DeleteCampaignButton } from "./delete-campaign-button";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("campaigns");
  const campaign = await getCampaignForm((await params).id);
  return { title: campaign ? t("editTitle", { name: campaign.name }) : t("title") };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("staff");
  const { id } = await params;
  const campaign = await getCampaignForm(id);
  if (!campaign) notFound();
  const t = await getTranslations("campaigns");
  const admin = hasRole(user, "admin");
  return (
    <div className="space-y-5">
      <Link href="/campaigns" className="text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <PageHeader
        title={t("editTitle", { name: campaign.name })}
        actions={
          <>
            <Badge tone={campaign.state === "running" ? "green" : "gray"}>{t(`state.${campaign.state}`)}</Badge>
            <Link href={`/scans?campaign=${campaign.id}`} className={ui.buttonSecondary}>
              {t("columns.scans")}: {campaign.scanCount}
            </Link>
            {admin && campaign.scanCount === 0 ? <DeleteCampaignButton id={campaign.id} name={campaign.name} /> : null}
          </>
        }
      />
      {admin ? null : <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{t("readOnly")}</p>}
      {admin ? <GtinImport id={campaign.id} /> : null}
      <CampaignForm key={`${campaign.id}-${campaign.gtins.length}`} id={campaign.id} initial={campaign} readOnly={!admin} />
    </div>
  );
}
