import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { getImshopSettingsView } from "@/lib/imshop/imshop.queries";
import { listCircuits } from "@/lib/outbox/outbox.queries";
import { PageHeader } from "@/components/shell/page-header";
import { ui } from "@/components/shell/ui-classes";
import { CircuitPanel } from "./circuit-panel";
import { SettingsForm } from "./settings-form";
import { TestRequestPanel } from "./test-request-panel";
import { WebhookKeyPanel } from "./webhook-key-panel";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function ImshopSettingsPage() {
  await requireRole("admin");
  const [t, settings, circuits] = await Promise.all([getTranslations("settings"), getImshopSettingsView(), listCircuits()]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/docs" className={ui.buttonSecondary} data-testid="api-docs-link">
            {t("apiDocs")}
          </Link>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <SettingsForm initial={settings} />
        </div>
        <div className="space-y-6">
          <section className={`${ui.card} p-5`}>
            <h2 className="mb-3 text-base font-semibold text-slate-900">{t("sections.circuit")}</h2>
            <CircuitPanel circuits={circuits} />
          </section>
          <section className={`${ui.card} p-5`}>
            <h2 className="mb-3 text-base font-semibold text-slate-900">{t("sections.test")}</h2>
            <TestRequestPanel />
          </section>
          <section className={`${ui.card} p-5`}>
            <h2 className="mb-3 text-base font-semibold text-slate-900">{t("sections.inbound")}</h2>
            <WebhookKeyPanel hint={settings.inboundKeyHint} previousUntil={settings.inboundKeyPreviousUntil} />
          </section>
        </div>
      </div>
    </div>
  );
}
