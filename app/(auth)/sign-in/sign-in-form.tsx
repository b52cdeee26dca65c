"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ui } from "@/components/shell/ui-classes";

type Problem = "credentials" | "throttled" | "unexpected" | null;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setProblem(null);
    try {
      const res = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? "").trim(),
        password: String(form.get("password") ?? ""),
      });
      if (res?.ok && !res.error) {
        // A full load, so the whole page tree renders in the user's saved language.
        window.location.assign(callbackUrl);
        return;
      }
      // authorize() throws "Throttled" while the e-mail is locked; next-auth passes that message through.
      setProblem(res?.error === "Throttled" ? "throttled" : res?.error === "CredentialsSignin" ? "credentials" : "unexpected");
    } catch {
      setProblem("unexpected");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-5" data-testid="sign-in-form" noValidate={false}>
      {problem ? (
        <div role="alert" className={ui.alertError} data-testid={`sign-in-error-${problem}`}>
          {t(`errors.${problem}`)}
        </div>
      ) : null}
      <div>
        <label htmlFor="email" className={ui.label}>
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className={`${ui.input} mt-1.5`}
          data-testid="sign-in-email"
        />
      </div>
      <div>
        <label htmlFor="password" className={ui.label}>
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`${ui.input} mt-1.5`}
          data-testid="sign-in-password"
        />
      </div>
      <button type="submit" disabled={pending} className={`${ui.buttonPrimary} w-full py-2.5`} data-testid="sign-in-submit">
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
