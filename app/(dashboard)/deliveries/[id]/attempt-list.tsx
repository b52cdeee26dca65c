import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/shell/badge";
import type { AttemptRow } from "@/lib/outbox/outbox.schema";
import { formatDateTime } from "@/lib/format/date-format";

/** Every attempt, newest first: what was sent where, what came back, how long it took. */
export async function AttemptList({ attempts }: { attempts: AttemptRow[] }) {
  const [t, format] = await Promise.all([getTranslations("deliveries"), getFormatter()]);
  if (attempts.length === 0) return <p className="text-sm text-slate-500">{t("detail.noAttempts")}</p>;
  return (
    <ol className="space-y-3" data-testid="delivery-attempts">
      {attempts.map((a) => {
        const ok = a.responseStatus !== null && a.responseStatus >= 200 && a.responseStatus < 300;
        const inFlight = a.responseStatus === null && a.error === null;
        return (
          <li key={a.id} className="rounded-lg border border-slate-200 p-4" data-testid="delivery-attempt">
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-medium text-slate-900">{t("detail.attemptNo", { n: a.attemptNo })}</span>
              <span className="text-slate-500">{formatDateTime(format, a.startedAt, { seconds: true })}</span>
              <Badge tone={ok ? "green" : inFlight ? "blue" : "red"} testId="attempt-status">
                {a.responseStatus ?? (inFlight ? t("detail.inFlight") : t("noAnswer"))}
              </Badge>
              <span className="tabular-nums text-slate-500">{t("detail.latency", { ms: a.latencyMs })}</span>
            </div>
            <p className="mt-2 break-all font-mono text-xs text-slate-500">{a.url}</p>
            {a.error ? (
              <p className="mt-2 text-sm text-red-700">
                {t("detail.error")}: {a.error}
              </p>
            ) : null}
            {a.responseBody ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-slate-600">{t("detail.responseBody")}</summary>
                <pre tabIndex={0} className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{a.responseBody}</pre>
              </details>
            ) : null}
            <details className="mt-2">
              <summary className="cursor-pointer text-xs text-slate-600">{t("detail.requestBody")}</summary>
              <pre tabIndex={0} className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs">{a.requestBody}</pre>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
