import type { Db } from "@/lib/db";
import { prisma, Prisma } from "@/lib/db";

export type Actor = { id?: string | null; label: string };

export type AuditInput = {
  actor: Actor;
  action: string; // e.g. "scan.approve", "user.create"
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
  tx?: Db;
};

/** Records who changed what; call it inside the same transaction as the change itself. */
export async function recordAudit({ actor, action, entityType, entityId, before, after, requestId, tx }: AuditInput) {
  await (tx ?? prisma).auditLog.create({
    data: {
      actorId: actor.id ?? null,
      actorLabel: actor.label,
      action,
      entityType,
      entityId,
      before: toJson(before),
      after: toJson(after),
      requestId: requestId ?? null,
    },
  });
}

// Dates, BigInts and undefined survive the trip into a JSON column.
function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
