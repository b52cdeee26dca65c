import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/shell/badge";
import type { Overview } from "@/lib/overview/overview.schema";
import { ChartCard } from "./chart-card";

const PUSH_OUTCOMES = ["delivered", "rejected", "dead"] as const;

const CIRCUIT_TONE: Record<Overview["push"]["circuits"][number]["mode"], BadgeTone> = { closed: "green", open: "red", half_open: "amber", paused: "gray" };

/** The two live cards: the moderation queue and the health of pushes to IMSHOP. */
export async function StatusCards({ waiting, push, now }: Pick<Overview, "waiting" | "push"> & { now: Date }) {
  const [t, settings, format] = await Promise.all([getTranslations("overview"), getTranslations("settings"), getFormatter()]);
  const link = "font-medium text-brand-700 hover:underline";
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <ChartCard
        title={t("waiting.title")}
        testId="overview-waiting"
        footer={
          <Link href="/scans?status=processing" className={link} data-testid="overview-waiting-open">
            {t("waiting.open")}
          </Link>
        }
      >
        {waiting.count === 0 ? (
          <p className="text-sm text-slate-600">{t("waiting.none")}</p>
        ) : (
          <>
            <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="overview-waiting-count">
              {waiting.capped ? t("waiting.capped", { count: waiting.count }) : t("waiting.count", { count: waiting.count })}
            </p>
            {waiting.oldestAt ? (
              <p className="mt-1 text-sm text-slate-600" data-testid="overview-waiting-oldest">
                {t("waiting.oldest", { age: format.relativeTime(new Date(waiting.oldestAt), now) })}
              </p>
            ) : null}
          </>
        )}
      </ChartCard>
      <ChartCard
        title={t("push.title")}
        testId="overview-push"
        footer={
          <Link href="/deliveries" className={link}>
            {t("push.open")}
          </Link>
        }
      >
        <dl className="grid grid-cols-3 gap-3">
          {PUSH_OUTCOMES.map((key) => (
            <div key={key} data-testid={`overview-push-${key}`}>
              <dt className="text-xs text-slate-600">{t(`push.${key}`)}</dt>
              <dd className={`text-2xl font-semibold tabular-nums ${key !== "delivered" && push[key] > 0 ? "text-red-700" : "text-slate-900"}`}>
                {format.number(push[key])}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-slate-600" data-testid="overview-push-last-success">
          {push.lastSuccessAt ? t("push.lastSuccess", { at: format.relativeTime(new Date(push.lastSuccessAt), now) }) : t("push.noSuccess")}
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          {push.circuits.map((c) => (
            <Badge key={c.kind} tone={CIRCUIT_TONE[c.mode]} testId={`overview-circuit-${c.kind}`}>
              {t("push.circuit", { kind: settings(`circuit.kind.${c.kind}`), mode: settings(`circuit.mode.${c.mode}`) })}
            </Badge>
          ))}
        </div>
      </ChartCard>
    </div>
  );
}
