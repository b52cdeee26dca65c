"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { deleteOfferAction, setOfferActiveAction } from "@/lib/offers/offers.actions";

/** The active switch and deletion, beside the offer's title. */
export function OfferAdminActions({ offerId, active }: { offerId: string; active: boolean }) {
  const t = useTranslations("offers");
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = () =>
    startTransition(async () => {
      const res = await setOfferActiveAction({ offerId, active: !active });
      if (!res.ok) setError(res.error);
      else router.refresh();
    });
  const remove = () =>
    startTransition(async () => {
      const res = await deleteOfferAction({ offerId });
      if (!res.ok) return setError(res.error);
      router.push("/offers");
    });

  return (
    <>
      <button type="button" className={ui.buttonSecondary} onClick={toggle} disabled={pending} data-testid="offer-toggle-active">
        {active ? t("deactivate") : t("activate")}
      </button>
      <button type="button" className={ui.buttonDanger} onClick={() => setConfirming(true)} disabled={pending} data-testid="offer-delete">
        {common("delete")}
      </button>
      {error ? <span role="alert" className="text-sm text-red-600">{error}</span> : null}
      {confirming ? (
        <Modal title={t("deleteTitle")} onClose={() => setConfirming(false)}>
          <p className="text-sm text-slate-600">{t("deleteText", { id: offerId })}</p>
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={ui.buttonSecondary} onClick={() => setConfirming(false)}>
              {common("cancel")}
            </button>
            <button type="button" className={ui.buttonDanger} onClick={remove} disabled={pending} data-testid="offer-delete-confirm">
              {common("delete")}
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
