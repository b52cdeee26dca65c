import { getFormatter, getTranslations } from "next-intl/server";
import type { ChangeEvent, PushEvent } from "@/lib/orders/order-detail.queries";
import type { StatusOption } from "@/lib/orders/orders.queries";
import { formatDateTime } from "@/lib/format/date-format";

const PUSH_STATE_STYLE: Record<PushEvent["state"], string> = {
  pending: "bg-sky-50 text-sky-800 ring-sky-200",
  delivered: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  dead: "bg-red-100 text-red-900 ring-red-300",
  superseded: "bg-slate-100 text-slate-600 ring-slate-200",
};

/** Every status change (who or which system, when, text, tracking link) and every push with IMSHOP's answers. */
export async function OrderTimeline({ events, statuses }: { events: (ChangeEvent | PushEvent)[]; statuses: StatusOption[] }) {
  const [t, format] = await Promise.all([getTranslations("orders"), getFormatter()]);
  const label = (code: string | null) => (code === null ? null : (statuses.find((s) => s.code === code)?.description ?? code));
  const when = (iso: string) => formatDateTime(format, iso, { seconds: true });
  if (events.length === 0) return <p className="text-sm text-slate-500">{t("timeline.empty")}</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="order-timeline">
      {events.map((e) =>
        e.kind === "change" ? (
          <li key={e.key} className="relative" data-testid="timeline-change" data-to-code={e.toCode}>
            <span className="absolute -left-[26px] top-1 h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-medium text-slate-900">
                {e.fromCode === null ? t("timeline.created", { to: label(e.toCode)! }) : t("timeline.changed", { from: label(e.fromCode)!, to: label(e.toCode)! })}
              </span>
              <span className="text-xs text-slate-500">{when(e.at)}</span>
            </div>
            <p className="mt-0.5 text-xs text-slate-600" data-testid="timeline-actor">
              {t(`sources.${e.source}`)}
              {who(e) ? ` · ${who(e)}` : ""}
            </p>
            {e.message ? <p className="mt-1 text-sm text-slate-800" data-testid="timeline-message">«{e.message}»</p> : null}
            {e.reason ? <p className="mt-1 text-sm text-slate-700">{t("timeline.reason", { reason: e.reason })}</p> : null}
            {e.trackingUrl ? (
              <a href={e.trackingUrl} target="_blank" rel="noreferrer" className="mt-1 block break-all text-sm text-brand-600 hover:underline">
                {e.trackingUrl}
              </a>
            ) : null}
          </li>
        ) : (
          <li key={e.key} className="relative" data-testid="timeline-push" data-state={e.state}>
            <span className="absolute -left-[25px] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-slate-400" />
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="text-slate-800">{t("timeline.push", { version: e.version })}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${PUSH_STATE_STYLE[e.state]}`}>{t(`pushStates.${e.state}`)}</span>
              <span className="text-xs text-slate-500">{when(e.at)}</span>
            </div>
            <details className="mt-1 text-xs text-slate-600">
              <summary className="cursor-pointer select-none">{t("timeline.pushDetails", { attempts: e.attempts.length })}</summary>
              <div className="mt-2 space-y-2">
                <Block title={t("timeline.payload")} body={e.payload} />
                {e.response ? <Block title={t("timeline.response")} body={e.response} /> : null}
                {e.lastError ? <p className="text-red-700">{e.lastError}</p> : null}
                {e.nextAttemptAt && e.state === "pending" ? <p>{t("timeline.nextAttempt", { at: when(e.nextAttemptAt) })}</p> : null}
                {e.attempts.map((a) => (
                  <div key={a.attemptNo} className="rounded border border-slate-200 p-2" data-testid="timeline-attempt">
                    <p>
                      {t("timeline.attempt", { n: a.attemptNo, at: when(a.at), status: String(a.responseStatus ?? t("timeline.noResponse")), ms: a.latencyMs })}
                    </p>
                    <p className="break-all text-slate-500">{a.url}</p>
                    {a.error ? <p className="text-red-700">{a.error}</p> : null}
                    {a.responseBody ? <Block title={t("timeline.response")} body={a.responseBody} /> : null}
                  </div>
                ))}
              </div>
            </details>
          </li>
        ),
      )}
    </ol>
  );
}

/** The person, or the API key's name; IMSHOP and the system are named by the source alone. */
function who(e: ChangeEvent): string | null {
  if (e.source === "staff") return e.actorLabel;
  if (e.source === "api") return e.actorLabel.replace(/^API key: /, "");
  return null;
}

function Block({ title, body }: { title: string; body: string }) {
  return (
    <div>
      <p className="font-medium text-slate-700">{title}</p>
      <pre tabIndex={0} className="mt-0.5 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-[11px] text-slate-800">{body}</pre>
    </div>
  );
}
