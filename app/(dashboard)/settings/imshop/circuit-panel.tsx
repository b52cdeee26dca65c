"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Badge, type BadgeTone } from "@/components/shell/badge";
import { useConfirm } from "@/components/shell/confirm-dialog";
import { ui } from "@/components/shell/ui-classes";
import { setCircuitModeAction } from "@/lib/outbox/outbox.actions";
import type { CircuitRow } from "@/lib/outbox/outbox.schema";

const TONE: Record<CircuitRow["mode"], BadgeTone> = { closed: "green", open: "red", half_open: "amber", paused: "gray" };

/** Each endpoint's breaker: its state, why, and the admin's pause / resume. */
export function CircuitPanel({ circuits }: { circuits: CircuitRow[] }) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const setMode = async (kind: CircuitRow["kind"], mode: "paused" | "closed") => {
    const message = mode === "paused" ? t("circuit.pauseConfirm") : t("circuit.resumeConfirm");
    if (!(await confirm({ message, confirmLabel: mode === "paused" ? t("circuit.pause") : t("circuit.resume"), danger: mode === "paused" }))) return;
    start(async () => {
      const res = await setCircuitModeAction({ kind, mode });
      setError(res.ok ? null : res.error);
      router.refresh();
    });
  };
  return (
    <ul className="space-y-4" data-testid="circuits">
      {dialog}
      {circuits.map((c) => (
        <li key={c.kind} className="space-y-1.5 text-sm" data-testid={`circuit-${c.kind}`}>
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium text-slate-900">{t(`circuit.kind.${c.kind}`)}</span>
            <Badge tone={TONE[c.mode]} testId="circuit-mode">
              {t(`circuit.mode.${c.mode}`)}
            </Badge>
          </div>
          {c.consecutiveFailures ? <p className="text-xs text-slate-500">{t("circuit.failures", { count: c.consecutiveFailures })}</p> : null}
          {c.probeAt && (c.mode === "open" || c.mode === "half_open") ? (
            <p className="text-xs text-slate-500">{t("circuit.probeAt", { at: format.dateTime(new Date(c.probeAt), { timeStyle: "medium" }) })}</p>
          ) : null}
          {c.lastError ? <p className="break-words text-xs text-slate-500">{t("circuit.lastError", { error: c.lastError })}</p> : null}
          {c.configAlert ? (
            <p className={ui.alertError} data-testid="circuit-config-alert">
              {t("circuit.configAlert", { alert: c.configAlert })}
            </p>
          ) : null}
          <button
            type="button"
            disabled={pending}
            className={`${ui.buttonSecondary} ${ui.buttonSmall}`}
            onClick={() => setMode(c.kind, c.mode === "paused" ? "closed" : "paused")}
            data-testid="circuit-toggle"
          >
            {c.mode === "paused" ? t("circuit.resume") : t("circuit.pause")}
          </button>
        </li>
      ))}
      {error ? (
        <li role="alert" className={ui.alertError}>
          {error}
        </li>
      ) : null}
    </ul>
  );
}
