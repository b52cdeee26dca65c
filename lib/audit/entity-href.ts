// Where the dashboard shows an entity an audit entry, a ledger line or a delivery names. Types without a
// page of their own link to the list they live in; "system" has none.
const PAGES: Record<string, (id: string) => string> = {
  Scan: (id) => `/scans/${id}`,
  Campaign: (id) => `/campaigns/${id}`,
  LoyaltyClient: (id) => `/loyalty/clients/${id}`,
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
