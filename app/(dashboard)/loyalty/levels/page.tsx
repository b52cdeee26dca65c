import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { listLevels } from "@/lib/loyalty/loyalty.queries";
import { PageHeader } from "@/components/shell/page-header";
import { LevelsManager } from "./levels-manager";

export async function generateMetadata() {
  const t = await getTranslations("loyalty");
  return { title: t("levels.title") };
}

export default async function LevelsPage() {
  const user = await requireRole("staff");
  const t = await getTranslations("loyalty");
  const levels = await listLevels();
  return (
    <div className="space-y-5">
      <PageHeader title={t("levels.title")} description={t("levels.description")} />
      <LevelsManager levels={levels} canEdit={hasRole(user, "admin")} />
    </div>
  );
}
