import type { Role } from "@/lib/auth/roles";

// Every dashboard area, in menu order. `label` is a key in messages/<locale>/nav.json.
export type NavItem = { href: string; label: string; role: Role };

export const NAV_ITEMS: NavItem[] = [
  { href: "/scans", label: "scans", role: "staff" },
  { href: "/campaigns", label: "campaigns", role: "staff" },
  { href: "/orders", label: "orders", role: "staff" },
  { href: "/order-statuses", label: "orderStatuses", role: "staff" },
  { href: "/offers", label: "offers", role: "staff" },
  { href: "/segments", label: "segments", role: "staff" },
  { href: "/loyalty/clients", label: "loyaltyClients", role: "staff" },
  { href: "/loyalty/operations", label: "loyaltyOperations", role: "staff" },
  { href: "/loyalty/levels", label: "loyaltyLevels", role: "staff" },
  { href: "/loyalty/points", label: "loyaltyPoints", role: "staff" },
  { href: "/loyalty/imports", label: "imports", role: "admin" },
  { href: "/deliveries", label: "deliveries", role: "staff" },
  { href: "/api-keys", label: "apiKeys", role: "admin" },
  { href: "/settings/imshop", label: "imshopSettings", role: "admin" },
  { href: "/users", label: "users", role: "admin" },
  { href: "/audit", label: "audit", role: "admin" },
];
