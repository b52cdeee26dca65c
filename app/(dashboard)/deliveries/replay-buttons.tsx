"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { replayDeadDeliveriesAction, replayDeliveryAction } from "@/lib/outbox/outbox.actions";

type Confirm = { title: string; text: string; run: () => Promise<{ ok: true; message: string } | { ok: false; error: string }> };

function ConfirmButton({ label, confirm, small, testId }: { label: string; confirm: Confirm; small?: boolean; testId: string }) {
  const common = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const go = () =>
    start(async () => {
      const res = await confirm.run();
      setResult(res.ok ? { ok: true, text: res.message } : { ok: false, text: res.error });
    });
  // Refreshed on close, not at once: the row holding this dialog may change or vanish.
  const close = () => {
    setOpen(false);
    if (result?.ok) router.refresh();
  };
  return (
    <>
      <button type="button" className={`${ui.buttonSecondary} ${small ? ui.buttonSmall : ""}`} onClick={() => (setResult(null), setOpen(true))} data-testid={testId}>
        {label}
      </button>
      {open ? (
        <Modal title={confirm.title} onClose={close} testId={`${testId}-dialog`}>
          <p className="text-sm text-slate-600">{confirm.text}</p>
          {result ? (
            <p role={result.ok ? "status" : "alert"} className={`mt-3 ${result.ok ? ui.alertSuccess : ui.alertError}`} data-testid={`${testId}-result`}>
              {result.text}
            </p>
          ) : null}
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={ui.buttonSecondary} onClick={close} data-testid={`${testId}-close`}>
              {result ? common("close") : common("cancel")}
            </button>
            {result?.ok ? null : (
              <button type="button" className={ui.buttonPrimary} disabled={pending} onClick={go} data-testid={`${testId}-confirm`}>
                {common("confirm")}
              </button>
            )}
          </div>
        </Modal>
      ) : null}
    </>
  );
}

export function ReplayDeliveryButton({ id, small }: { id: string; small?: boolean }) {
  const t = useTranslations("deliveries");
  return (
    <ConfirmButton
      label={t("replay.one")}
      small={small}
      testId="delivery-replay"
      confirm={{
        title: t("replay.oneConfirmTitle"),
        text: t("replay.oneConfirmText"),
        run: async () => {
          const res = await replayDeliveryAction({ id });
          return res.ok ? { ok: true, message: t("replay.done") } : res;
        },
      }}
    />
  );
}

export function ReplayDeadButton({ kind, entityId }: { kind?: string; entityId?: string }) {
  const t = useTranslations("deliveries");
  return (
    <ConfirmButton
      label={t("replay.all")}
      testId="delivery-replay-dead"
      confirm={{
        title: t("replay.allConfirmTitle"),
        text: t("replay.allConfirmText"),
        run: async () => {
          const res = await replayDeadDeliveriesAction({ kind, entityId });
          if (!res.ok) return res;
          const message = t("replay.allDone", { replayed: res.data.replayed, skipped: res.data.skipped });
          return { ok: true, message: res.data.more ? `${message} ${t("replay.allMore")}` : message };
        },
      }}
    />
  );
}
