"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";
import { redeemOfferAction } from "@/lib/offers/offers.actions";
import { formatDateTime } from "@/lib/format/date-format";

/** Marks the offer used for one user, e.g. when a customer shows the code at the counter. */
export function RedeemForm({ offerId, pool }: { offerId: string; pool: boolean }) {
  const t = useTranslations("offers");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = { offerId, userId: String(data.get("userId") ?? ""), code: String(data.get("code") ?? "") };
    startTransition(async () => {
      const res = await redeemOfferAction(input);
      if (!res.ok) return setMessage({ ok: false, text: Object.values(res.fields ?? {})[0] ?? res.error });
      const when = formatDateTime(format, res.data.redeemedAt);
      setMessage({ ok: true, text: t(res.data.alreadyRedeemed ? "redeem.already" : "redeem.done", { code: res.data.code, when }) });
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-2" data-testid="redeem-form">
      <div className="grid gap-2 sm:grid-cols-2">
        <input name="userId" required maxLength={200} placeholder={t("redeem.userId")} className={`${ui.input} font-mono`} data-testid="redeem-user" />
        <input name="code" maxLength={200} placeholder={pool ? t("redeem.codePool") : t("redeem.code")} className={`${ui.input} font-mono`} data-testid="redeem-code" />
      </div>
      <div className="flex justify-end">
        <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="redeem-submit">
          {t("redeem.submit")}
        </button>
      </div>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? ui.alertSuccess : ui.alertError} data-testid="redeem-message">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
