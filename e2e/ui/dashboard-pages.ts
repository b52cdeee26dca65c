import type { Page } from "@playwright/test";

/** Every dashboard page an admin can open, list pages first; detail pages are found from their lists. */
export const LIST_PAGES = [
  "/",
  "/scans",
  "/campaigns",
  "/campaigns/new",
  "/orders",
  "/order-statuses",
  "/offers",
  "/offers/new",
  "/offers/preview",
  "/segments",
  "/loyalty/clients",
  "/loyalty/operations",
  "/loyalty/levels",
  "/loyalty/points",
  "/deliveries",
  "/api-keys",
  "/settings/imshop",
  "/users",
  "/audit",
] as const;

/** The list each detail page is reached from, and the detail path's pattern. */
export const DETAIL_PAGES = [
  { list: "/scans", pattern: /^\/scans\/[^/?]+$/ },
  { list: "/campaigns", pattern: /^\/campaigns\/(?!new$)[^/?]+$/ },
  { list: "/orders", pattern: /^\/orders\/[^/?]+$/ },
  { list: "/offers", pattern: /^\/offers\/(?!new$|preview$|export$|barcode$)[^/?]+$/ },
  { list: "/loyalty/clients", pattern: /^\/loyalty\/clients\/(?!export$)[^/?]+$/ },
  { list: "/deliveries", pattern: /^\/deliveries\/[^/?]+$/ },
] as const;

/** The first detail link on `list` (the demo data has rows in each), or null when the list is empty. */
export async function firstDetailPath(page: Page, detail: (typeof DETAIL_PAGES)[number]): Promise<string | null> {
  await page.goto(detail.list);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => detail.pattern.test(h)) ?? null;
}
