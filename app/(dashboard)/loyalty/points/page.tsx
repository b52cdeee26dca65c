import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { listPoints } from "@/lib/loyalty/loyalty.queries";
import { PageHeader } from "@/components/shell/page-header";
import { PointsManager } from "./points-manager";

export async function generateMetadata() {
  const t = await getTranslations("loyalty");
  return { title: t("points.title") };
}

export default async function PointsPage() {
  const user = await requireRole("staff");
  const t = await getTranslations("loyalty");
  const points = await listPoints();
  return (
    <div className="space-y-5">
      <PageHeader title={t("points.title")} description={t("points.description")} />
      <PointsManager points={points} canEdit={hasRole(user, "admin")} />
    </div>
  );
}
