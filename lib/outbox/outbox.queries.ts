import { prisma, Prisma } from "@/lib/db";
import type { Circuit, Delivery } from "@/lib/generated/prisma/client";
import { finishPage, keysetQuery, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import { deliverySubjects } from "@/lib/outbox/delivery-subjects";
import { DELIVERY_KINDS, type AttemptRow, type CircuitRow, type DeliveryListFilters, type DeliveryRow } from "@/lib/outbox/outbox.schema";

const rowSelect = {
  id: true,
  kind: true,
  entityId: true,
  entityVersion: true,
  state: true,
  attempts: true,
  lastStatus: true,
  lastError: true,
  nextAttemptAt: true,
  createdAt: true,
  deliveredAt: true,
} satisfies Prisma.DeliverySelect;

/** The deliveries list's filters as a Prisma where (the count uses it too). */
export function deliveryWhere(f: DeliveryListFilters): Prisma.DeliveryWhereInput {
  return {
    ...(f.state === "failing" ? { state: "pending", attempts: { gt: 0 } } : f.state ? { state: f.state } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
  };
}

/** The deliveries page: newest first (or oldest first), keyset-paginated, filtered by state, kind and entity. */
export async function listDeliveries({ filters, cursor, dir, take, order }: ListParams<DeliveryListFilters>): Promise<Page<DeliveryRow>> {
  const page = keysetQuery(cursor, dir, take, "createdAt", order);
  const rows = await prisma.delivery.findMany({
    where: { AND: [deliveryWhere(filters), page.where] },
    orderBy: page.orderBy as Prisma.DeliveryOrderByWithRelationInput[],
    take: page.take,
    select: rowSelect,
  });
  const finished = finishPage(rows, { cursor, dir, take, timeOf: (r) => r.createdAt });
  const subjects = await deliverySubjects(finished.rows);
  return { ...finished, rows: finished.rows.map((r) => ({ ...toRow(r), subject: subjects.get(`${r.kind}:${r.entityId}`) ?? null })) };
}

/**
 * One delivery with its attempts. IMSHOP's answers (the stored response and each attempt's body) only
 * with `withResponses`, which the page sets for admins: whatever answered at the push URL is shown
 * there, and staff need only status codes and errors.
 */
export async function getDelivery(id: string, { withResponses = false }: { withResponses?: boolean } = {}): Promise<(DeliveryRow & { payload: string; response: string | null; attemptLog: AttemptRow[] }) | null> {
  const d = await prisma.delivery.findUnique({
    where: { id },
    select: { ...rowSelect, payload: true, response: true, attemptLog: { orderBy: { attemptNo: "desc" }, take: 500 } },
  });
  if (!d) return null;
  return {
    ...toRow(d),
    payload: JSON.stringify(d.payload, null, 2),
    response: d.response === null || !withResponses ? null : JSON.stringify(d.response, null, 2),
    attemptLog: d.attemptLog.map((a) => ({
      id: a.id.toString(),
      attemptNo: a.attemptNo,
      url: a.url,
      requestBody: JSON.stringify(a.requestBody, null, 2),
      responseStatus: a.responseStatus,
      responseBody: withResponses ? a.responseBody : null,
      latencyMs: a.latencyMs,
      error: a.error,
      startedAt: a.startedAt.toISOString(),
    })),
  };
}

/** Whether a newer version of the same entity exists (then this delivery cannot be replayed). */
export async function hasNewerVersion(d: Pick<DeliveryRow, "kind" | "entityId" | "entityVersion">): Promise<boolean> {
  const n = await prisma.delivery.count({ where: { kind: d.kind, entityId: d.entityId, entityVersion: { gt: d.entityVersion } } });
  return n > 0;
}

export type DeliveryCounters = { pending: number; failing: number; failed: number; dead: number };

/**
 * For the header: what is still owed to IMSHOP, what keeps failing, what IMSHOP refused outright
 * (a 4xx: `failed`, never retried) and what ran out of retries (`dead`). The refused ones were left out
 * before, so two 404s showed as "0 failed".
 */
export async function deliveryCounters(): Promise<DeliveryCounters> {
  const [pending, failing, failed, dead] = await Promise.all([
    prisma.delivery.count({ where: { state: "pending" } }),
    prisma.delivery.count({ where: { state: "pending", attempts: { gt: 0 } } }),
    prisma.delivery.count({ where: { state: "failed" } }),
    prisma.delivery.count({ where: { state: "dead" } }),
  ]);
  return { pending, failing, failed, dead };
}

export async function listCircuits(): Promise<CircuitRow[]> {
  const rows = await prisma.circuit.findMany();
  const byKind = new Map(rows.map((c) => [c.kind, c]));
  return DELIVERY_KINDS.map((kind) => toCircuitRow(byKind.get(kind) ?? null, kind));
}

export async function configAlerts(): Promise<{ kind: CircuitRow["kind"]; alert: string }[]> {
  const rows = await prisma.circuit.findMany({ where: { configAlert: { not: null } }, select: { kind: true, configAlert: true } });
  return rows.map((r) => ({ kind: r.kind, alert: r.configAlert ?? "" }));
}

function toRow(d: Pick<Delivery, keyof typeof rowSelect>): DeliveryRow {
  return {
    id: d.id,
    kind: d.kind,
    entityId: d.entityId,
    entityVersion: d.entityVersion,
    state: d.state,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}

function toCircuitRow(c: Circuit | null, kind: CircuitRow["kind"]): CircuitRow {
  return {
    kind,
    mode: c?.mode ?? "closed",
    consecutiveFailures: c?.consecutiveFailures ?? 0,
    openedAt: c?.openedAt?.toISOString() ?? null,
    probeAt: c?.probeAt?.toISOString() ?? null,
    lastError: c?.lastError ?? null,
    configAlert: c?.configAlert ?? null,
  };
}
