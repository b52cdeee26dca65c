import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { configAlerts, deliveryCounters } from "@/lib/outbox/outbox.queries";

/**
 * Header widget: pushes still owed to IMSHOP, those being retried, those IMSHOP refused, dead letters;
 * each links to the filtered deliveries list and carries its full label (visible on wide screens, read
 * out everywhere). Everyone sees the warning when IMSHOP refuses the key or URL: staff are the first to
 * notice that the app's users stop getting statuses. It opens the settings for admins (who can fix it)
 * and the refused pushes for staff (who cannot open the settings).
 */
export async function DeliveryCounters({ isAdmin }: { isAdmin: boolean }) {
  const [t, counts, alerts] = await Promise.all([getTranslations("deliveries"), deliveryCounters(), configAlerts()]);
  const pill = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset hover:opacity-80";
  const quiet = "bg-slate-50 text-slate-500 ring-slate-500/10";
  const items = [
    { key: "pending", n: counts.pending, tone: "bg-brand-50 text-brand-700 ring-brand-600/20" },
    { key: "failing", n: counts.failing, tone: counts.failing ? "bg-amber-50 text-amber-800 ring-amber-600/20" : quiet },
    { key: "failed", n: counts.failed, tone: counts.failed ? "bg-red-50 text-red-700 ring-red-600/20" : quiet },
    { key: "dead", n: counts.dead, tone: counts.dead ? "bg-red-50 text-red-700 ring-red-600/20" : quiet },
  ] as const;
  return (
    <div role="group" className="flex items-center gap-1.5" aria-label={t("counters.label")} data-testid="delivery-counters">
      {alerts.length ? (
        <Link
          href={isAdmin ? "/settings/imshop" : "/deliveries?state=failed"}
          title={alerts.map((a) => a.alert).join("\n")}
          aria-label={t("counters.configAlert")}
          className={`${pill} bg-red-600 text-white ring-red-700`}
          data-testid="delivery-config-alert"
        >
          <span aria-hidden>⚠</span> <span className="hidden md:inline">{t("counters.configAlert")}</span>
        </Link>
      ) : null}
      {items.map((i) => {
        const short = t(`counters.${i.key}`);
        const full = t(`counters.full.${i.key}`, { count: i.n });
        // The name starts with what is on screen ("11 отклонено"), so a voice user can say it (WCAG 2.5.3),
        // and goes on with the full sentence for a screen reader.
        const label = t("counters.named", { count: String(i.n), short, full });
        return (
          <Link key={i.key} href={`/deliveries?state=${i.key}`} className={`${pill} ${i.tone}`} aria-label={label} title={full} data-testid={`delivery-count-${i.key}`}>
            <span className="tabular-nums">{i.n}</span>{" "}
            <span className="hidden lg:inline">{short}</span>
          </Link>
        );
      })}
    </div>
  );
}
