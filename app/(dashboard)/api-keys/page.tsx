import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { listApiKeys } from "@/lib/api-keys/api-keys.queries";
import { pointOptions } from "@/lib/loyalty/loyalty.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { ApiKeysManager } from "./api-keys-manager";

export async function generateMetadata() {
  const t = await getTranslations("loyalty");
  return { title: t("apiKeys.title") };
}

export default async function ApiKeysPage() {
  await requireRole("admin");
  const t = await getTranslations("loyalty");
  const [keys, points] = await Promise.all([listApiKeys(), pointOptions()]);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("apiKeys.title")}
        description={t("apiKeys.description")}
        actions={
          <Link href="/docs" className={ui.buttonSecondary} data-testid="api-docs-link">
            {t("apiKeys.apiDocs")}
          </Link>
        }
      />
      <ApiKeysManager keys={keys} points={points} />
    </div>
  );
}
