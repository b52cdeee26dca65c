// The dashboard's few recurring control styles, kept in one place so every page looks the same.
const button =
  "inline-flex items-center justify-center gap-1.5 rounded-md px-3.5 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50";

export const ui = {
  buttonPrimary: `${button} bg-brand-600 text-white shadow-sm hover:bg-brand-700`,
  buttonSecondary: `${button} border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50`,
  buttonDanger: `${button} border border-red-200 bg-white text-red-700 hover:bg-red-50`,
  buttonDangerSolid: `${button} bg-red-600 text-white shadow-sm hover:bg-red-700`,
  buttonGhost: `${button} text-slate-600 hover:bg-slate-100 hover:text-slate-900`,
  buttonSmall: "px-2.5 py-1 text-xs",
  input:
    "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20 aria-[invalid=true]:border-red-400",
  label: "block text-sm font-medium text-slate-700",
  fieldError: "mt-1 text-xs text-red-600",
  card: "rounded-xl border border-slate-200 bg-white shadow-sm",
  alertError: "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800",
  alertSuccess: "rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800",
} as const;
