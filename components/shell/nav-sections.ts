import { NAV_ITEMS } from "@/components/shell/nav-items";
import { hasRole, type SessionUser } from "@/lib/auth/roles";

// Menu sections by URL prefix; `label` is a key in messages/<locale>/common.json. An area whose URL
// matches none of them still appears, under the last section.
const SECTIONS = [
  { key: "navSectionScans", prefixes: ["/scans", "/campaigns"] },
  { key: "navSectionOrders", prefixes: ["/orders", "/order-statuses"] },
  { key: "navSectionOffers", prefixes: ["/offers", "/segments"] },
  { key: "navSectionLoyalty", prefixes: ["/loyalty"] },
  { key: "navSectionIntegration", prefixes: ["/deliveries", "/api-keys", "/settings"] },
  { key: "navSectionAdmin", prefixes: ["/users", "/audit"] },
] as const;

export type NavLink = { href: string; label: string };
export type NavSection = { key: string; title: string; links: NavLink[] };

/**
 * The menu this user may see, grouped, with labels already translated (plain data for the client).
 * The overview (the dashboard's home, `/`) comes first, in a section of its own without a heading.
 */
export function buildNav(
  user: Pick<SessionUser, "role">,
  t: { nav: (key: string) => string; common: (key: string) => string; home: string },
): NavSection[] {
  const home: NavSection = { key: "home", title: "", links: [{ href: "/", label: t.home }] };
  const sections: NavSection[] = SECTIONS.map((s) => ({ key: s.key, title: t.common(s.key), links: [] }));
  for (const item of NAV_ITEMS) {
    if (!hasRole(user, item.role)) continue;
    const index = SECTIONS.findIndex((s) => s.prefixes.some((p) => item.href === p || item.href.startsWith(`${p}/`)));
    sections[index === -1 ? sections.length - 1 : index].links.push({ href: item.href, label: t.nav(item.label) });
  }
  return [home, ...sections.filter((s) => s.links.length > 0)];
}
