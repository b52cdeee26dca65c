import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { configAlerts, deliveryCounters } from "@/lib/outbox/outbox.queries";

/**
 * Header widget: pushes still owed to IMSHOP, those being retried, dead letters; each links to the
 * filtered deliveries list. Admins also see a warning when IMSHOP refuses the key or URL.
 */
export async function DeliveryCounters({ isAdmin }: { isAdmin: boolean }) {
  const [t, counts, alerts] = await Promise.all([getTranslations("deliveries"), deliveryCounters(), isAdmin ? configAlerts() : Promise.resolve([])]);
  const pill = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset hover:opacity-80";
  const items = [
    { key: "pending", n: counts.pending, tone: "bg-brand-50 text-brand-700 ring-brand-600/20" },
    { key: "failing", n: counts.failing, tone: counts.failing ? "bg-amber-50 text-amber-800 ring-amber-600/20" : "bg-slate-50 text-slate-500 ring-slate-500/10" },
    { key: "dead", n: counts.dead, tone: counts.dead ? "bg-red-50 text-red-700 ring-red-600/20" : "bg-slate-50 text-slate-500 ring-slate-500/10" },
  ] as const;
  return (
    <div className="flex items-center gap-1.5" aria-label={t("counters.label")} data-testid="delivery-counters">
      {alerts.length ? (
        <Link
          href="/settings/imshop"
          title={alerts.map((a) => a.alert).join("\n")}
          className={`${pill} bg-red-600 text-white ring-red-700`}
          data-testid="delivery-config-alert"
        >
          ⚠ <span className="hidden md:inline">{t("counters.configAlert")}</span>
        </Link>
      ) : null}
      {items.map((i) => (
        <Link key={i.key} href={`/deliveries?state=${i.key}`} className={`${pill} ${i.tone}`} data-testid={`delivery-count-${i.key}`}>
          <span className="tabular-nums">{i.n}</span>
          <span className="hidden lg:inline">{t(`counters.${i.key}`)}</span>
        </Link>
      ))}
    </div>
  );
}
