"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useConfirm } from "@/components/shell/confirm-dialog";
import { ui } from "@/components/shell/ui-classes";
import { deleteCampaignAction } from "@/lib/campaigns/campaigns.actions";

export function DeleteCampaignButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("campaigns");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const remove = async () => {
    if (!(await confirm({ message: t("deleteConfirm", { name }), confirmLabel: t("delete"), danger: true }))) return;
    startTransition(async () => {
      const res = await deleteCampaignAction(id);
      if (!res.ok) {
        setError(t.has(`errors.${res.error}`) ? t(`errors.${res.error}` as "errors.internal") : t("errors.internal"));
        return;
      }
      router.push("/campaigns");
    });
  };
  return (
    <>
      {dialog}
      <button type="button" className={ui.buttonDanger} onClick={remove} disabled={pending} data-testid="campaign-delete">
        {t("delete")}
      </button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </>
  );
}
