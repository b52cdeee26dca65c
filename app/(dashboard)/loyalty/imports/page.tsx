import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { importTargets, listImports } from "@/lib/imports/imports.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ImportUpload } from "./import-upload";
import { ImportsLive } from "./imports-live";

export async function generateMetadata() {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

// Bulk imports: upload a file, watch its job's progress (it survives a reload: the state is in the
// database and the list polls it), download the refused rows, cancel, reverse a clients import.
export default async function ImportsPage() {
  await requireRole("admin");
  const t = await getTranslations("imports");
  const [imports, targets] = await Promise.all([listImports(), importTargets()]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <ImportUpload targets={targets} />
      <ImportsLive initial={imports} />
    </div>
  );
}
