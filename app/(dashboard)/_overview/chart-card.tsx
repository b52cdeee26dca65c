import type { ReactNode } from "react";
import { ui } from "@/components/shell/ui-classes";

/** A titled panel on the overview; the title also names the figure for screen readers. */
export function ChartCard({ title, testId, children, footer }: { title: string; testId?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className={`${ui.card} p-5`} data-testid={testId} aria-label={title}>
      <h2 className="mb-4 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
      {footer ? <div className="mt-4 text-sm">{footer}</div> : null}
    </section>
  );
}

/** Holds a chart's place (same height) until it draws in the browser. */
export function ChartPlaceholder() {
  return <div aria-hidden className="h-[260px] animate-pulse rounded-lg bg-slate-50" />;
}
