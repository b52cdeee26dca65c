import { z } from "zod";

const text = z.string().trim().min(1).max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// The Audit page's URL filters. `action` matches by prefix, so "user." lists every user change.
export const auditListFilters = z.object({
  action: text,
  entityType: text,
  entityId: text,
  actor: text,
  from: day,
  to: day,
});

export type AuditListFilters = Partial<z.infer<typeof auditListFilters>>;

/** One audit entry as the page shows it; JSON before/after stay as parsed JSON. */
export type AuditRow = {
  id: string;
  createdAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};
