import type { ReactNode } from "react";

/** A centred full-page message (forbidden, not found) outside the dashboard frame. */
export function StatusPage({ code, title, text, testId, children }: { code: string; title: string; text: string; testId?: string; children?: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-6" data-testid={testId}>
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <p className="text-sm font-semibold tracking-wider text-brand-600">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{text}</p>
        {children ? <div className="mt-6 flex justify-center gap-3">{children}</div> : null}
      </div>
    </main>
  );
}
