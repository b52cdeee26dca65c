export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ru";
export const LOCALE_COOKIE = "locale";

// One messages file per area, so each area's texts live beside nothing else's.
export const NAMESPACES = [
  "common",
  "nav",
  "auth",
  "users",
  "audit",
  "deliveries",
  "settings",
  "scans",
  "campaigns",
  "loyalty",
  "orders",
  "offers",
  "docs",
  "ui",
  "overview",
  "table",
  "search",
  "validation",
  "imports",
] as const;

export const isLocale = (v: unknown): v is Locale => typeof v === "string" && (LOCALES as readonly string[]).includes(v);
