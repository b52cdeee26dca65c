// Where the dashboard shows an entity an audit entry, a ledger line or a delivery names. Types without a
// page of their own link to the list they live in; "system" has none.
const PAGES: Record<string, (id: string) => string> = {
  Scan: (id) => `/scans/${id}`,
  Campaign: (id) => `/campaigns/${id}`,
  // An export names no client: its entry ("export") links to the list it was taken from.
  LoyaltyClient: (id) => (id === "export" ? "/loyalty/clients" : `/loyalty/clients/${id}`),
  Import: (id) => `/loyalty/imports/${id}`,
  LoyaltyLevel: () => "/loyalty/levels",
  LoyaltyPoint: () => "/loyalty/points",
  Operation: () => "/loyalty/operations",
  ApiKey: () => "/api-keys",
  order: (id) => `/orders/${id}`,
  offer: (id) => `/offers/${id}`,
  segment: () => "/segments",
  delivery: (id) => `/deliveries/${id}`,
  circuit: () => "/deliveries",
  user: () => "/users",
};

export function entityHref(entityType: string, entityId: string): string | null {
  const page = PAGES[entityType];
  return page ? page(encodeURIComponent(entityId)) : null;
}
