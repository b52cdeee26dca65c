"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ui } from "@/components/shell/ui-classes";
import { sendTestRequestAction } from "@/lib/imshop/imshop.actions";
import type { TestRequestResult } from "@/lib/imshop/send-test-request";

/** "Send test request": one push-shaped call with the saved settings, and IMSHOP's answer as is. */
export function TestRequestPanel() {
  const t = useTranslations("settings");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<TestRequestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = (kind: "scan_status" | "order_status") =>
    start(async () => {
      setError(null);
      setResult(null);
      const res = await sendTestRequestAction({ kind });
      if (res.ok) setResult(res.data);
      else setError(Object.values(res.fields ?? {})[0] ?? res.error);
    });
  const ok = result?.status != null && result.status >= 200 && result.status < 300;
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">{t("test.text")}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={ui.buttonSecondary} disabled={pending} onClick={() => send("scan_status")} data-testid="imshop-test-scan">
          {t("test.scan")}
        </button>
        <button type="button" className={ui.buttonSecondary} disabled={pending} onClick={() => send("order_status")} data-testid="imshop-test-order">
          {t("test.order")}
        </button>
      </div>
      {error ? (
        <p role="alert" className={ui.alertError}>
          {error}
        </p>
      ) : null}
      {result ? (
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm" data-testid="imshop-test-result">
          <dt className="text-slate-500">{t("test.url")}</dt>
          <dd className="break-all font-mono text-xs">{result.url}</dd>
          <dt className="text-slate-500">{t("test.status")}</dt>
          <dd className={ok ? "text-emerald-700" : "text-red-700"} data-testid="imshop-test-status">
            {result.status ?? t("test.noStatus")}
          </dd>
          <dt className="text-slate-500">{t("test.latency")}</dt>
          <dd className="tabular-nums">{t("test.latencyMs", { ms: result.latencyMs })}</dd>
          {result.error ? (
            <>
              <dt className="text-slate-500">{t("test.error")}</dt>
              <dd className="text-red-700">{result.error}</dd>
            </>
          ) : null}
          {result.body ? (
            <>
              <dt className="text-slate-500">{t("test.body")}</dt>
              <dd>
                <pre tabIndex={0} className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{result.body}</pre>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
