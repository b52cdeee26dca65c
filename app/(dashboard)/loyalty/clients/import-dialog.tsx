import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ui } from "@/components/shell/ui-classes";

/** Clients are imported on the Imports page, as a background job of any size (it replaced a 5,000-row dialog). */
export async function ImportButton() {
  const t = await getTranslations("loyalty");
  return (
    <Link href="/loyalty/imports" className={ui.buttonSecondary} data-testid="clients-import-open">
      {t("import.button")}
    </Link>
  );
}
