"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import { resetUserPasswordAction, setUserDisabledAction, setUserRoleAction } from "@/lib/users/users.actions";
import type { ActionResult } from "@/lib/http/run-action";
import type { UserRow } from "@/lib/users/users.schema";

type Dialog = "role" | "disable" | "password" | null;

/**
 * Role, enable/disable and password reset for one user. Buttons that would lock the admin out are
 * disabled with an explanation; the server refuses them anyway.
 */
export function UserRowActions({ user, isMe, lastAdmin }: { user: UserRow; isMe: boolean; lastAdmin: boolean }) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const protectedAdmin = user.role === "admin" && !user.disabled && (isMe || lastAdmin);
  const guardHint = isMe ? t("hints.self") : lastAdmin ? t("hints.lastAdmin") : undefined;
  const nextRole = user.role === "admin" ? "staff" : "admin";

  const open = (d: Dialog) => {
    setError(null);
    setDialog(d);
  };
  const submit = (call: () => Promise<ActionResult<UserRow>>) =>
    startTransition(async () => {
      const res = await call();
      if (!res.ok) {
        setError(res.fields ? Object.values(res.fields)[0] ?? res.error : res.error);
        return;
      }
      setDialog(null);
      router.refresh();
    });

  const small = `${ui.buttonSecondary} ${ui.buttonSmall}`;
  return (
    <div className="flex justify-end gap-1.5" data-testid={`user-actions-${user.email}`}>
      <button type="button" className={small} disabled={protectedAdmin} title={protectedAdmin ? guardHint : undefined} onClick={() => open("role")} data-testid="user-change-role">
        {t(nextRole === "admin" ? "actions.makeAdmin" : "actions.makeStaff")}
      </button>
      <button
        type="button"
        className={user.disabled ? small : `${ui.buttonDanger} ${ui.buttonSmall}`}
        disabled={protectedAdmin && !user.disabled}
        title={protectedAdmin ? guardHint : undefined}
        onClick={() => open("disable")}
        data-testid="user-toggle-disabled"
      >
        {user.disabled ? t("actions.enable") : t("actions.disable")}
      </button>
      <button type="button" className={small} onClick={() => open("password")} data-testid="user-reset-password">
        {t("actions.resetPassword")}
      </button>

      {dialog === "role" || dialog === "disable" ? (
        <Modal title={dialog === "role" ? t("confirm.roleTitle") : user.disabled ? t("confirm.enableTitle") : t("confirm.disableTitle")} onClose={() => setDialog(null)} testId="user-confirm">
          <p className="text-sm text-slate-600">
            {dialog === "role"
              ? t("confirm.roleText", { email: user.email, role: common(`roles.${nextRole}`) })
              : user.disabled
                ? t("confirm.enableText", { email: user.email })
                : t("confirm.disableText", { email: user.email })}
          </p>
          {error ? <p role="alert" className={`${ui.alertError} mt-4`}>{error}</p> : null}
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" className={ui.buttonSecondary} onClick={() => setDialog(null)}>
              {common("cancel")}
            </button>
            <button
              type="button"
              disabled={pending}
              data-testid="user-confirm-submit"
              className={dialog === "disable" && !user.disabled ? `${ui.buttonPrimary} bg-red-600 hover:bg-red-700` : ui.buttonPrimary}
              onClick={() =>
                submit(() =>
                  dialog === "role"
                    ? setUserRoleAction({ userId: user.id, role: nextRole })
                    : setUserDisabledAction({ userId: user.id, disabled: !user.disabled }),
                )
              }
            >
              {common("confirm")}
            </button>
          </div>
        </Modal>
      ) : null}

      {dialog === "password" ? (
        <Modal title={t("confirm.passwordTitle")} onClose={() => setDialog(null)} testId="user-password-dialog">
          <form
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault();
              const password = String(new FormData(e.currentTarget).get("password") ?? "");
              submit(() => resetUserPasswordAction({ userId: user.id, password }));
            }}
          >
            <p className="text-sm text-slate-600">{t("confirm.passwordText", { email: user.email })}</p>
            <label htmlFor={`pw-${user.id}`} className={`${ui.label} mt-4`}>
              {t("fields.newPassword")}
            </label>
            <input id={`pw-${user.id}`} name="password" type="password" autoComplete="new-password" required minLength={8} className={`${ui.input} mt-1.5`} />
            <p className="mt-1 text-xs text-slate-500">{t("hints.password")}</p>
            {error ? <p role="alert" className={`${ui.alertError} mt-4`}>{error}</p> : null}
            <div className="mt-5 flex justify-end gap-2">
              <button type="button" className={ui.buttonSecondary} onClick={() => setDialog(null)}>
                {common("cancel")}
              </button>
              <button type="submit" disabled={pending} className={ui.buttonPrimary}>
                {common("save")}
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </div>
  );
}
