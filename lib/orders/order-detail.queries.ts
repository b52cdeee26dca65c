import { prisma } from "@/lib/db";

// The order page: the order, and one timeline of its status changes and of the pushes that reported
// them to IMSHOP (each with every attempt and IMSHOP's answer).

export type ChangeEvent = {
  kind: "change";
  key: string;
  at: string;
  fromCode: string | null;
  toCode: string;
  message: string | null;
  trackingUrl: string | null;
  source: "staff" | "api" | "imshop" | "system";
  actorLabel: string;
  reason: string | null;
};

export type PushAttempt = {
  attemptNo: number;
  at: string;
  url: string;
  responseStatus: number | null;
  responseBody: string | null;
  latencyMs: number;
  error: string | null;
};

export type PushEvent = {
  kind: "push";
  key: string;
  at: string;
  deliveryId: string;
  version: number;
  state: "pending" | "delivered" | "failed" | "dead" | "superseded";
  payload: string;
  response: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  attempts: PushAttempt[];
};

export type OrderDetail = {
  id: string;
  internalId: string;
  uuid: string | null;
  userId: string | null;
  totalKopecks: number;
  itemsSummary: string | null;
  statusCode: string;
  statusMessage: string | null;
  trackingUrl: string | null;
  imshopStatus: string | null;
  orderCreatedAt: string;
  updatedAt: string;
  version: number;
  status: { description: string; buyerText: string; final: boolean; cancellable: boolean; imshopStatus: string | null } | null;
  timeline: (ChangeEvent | PushEvent)[];
};

const BODY_LIMIT = 4000;

/** The page title needs only the number; the whole detail is read once, by the page. */
export async function getOrderNumber(id: string): Promise<string | null> {
  return (await prisma.order.findUnique({ where: { id }, select: { internalId: true } }))?.internalId ?? null;
}

export async function getOrderDetail(id: string): Promise<OrderDetail | null> {
  const order = await prisma.order.findUnique({ where: { id } });
  if (!order) return null;
  const [status, changes, deliveries, audits] = await Promise.all([
    prisma.orderStatus.findUnique({
      where: { code: order.statusCode },
      select: { description: true, buyerText: true, final: true, cancellable: true, imshopStatus: true },
    }),
    prisma.orderStatusChange.findMany({ where: { orderId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    prisma.delivery.findMany({
      where: { kind: "order_status", entityId: id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { attemptLog: { orderBy: { attemptNo: "asc" } } },
    }),
    // A buyer's cancellation reason lives in the audit entry of the change it caused.
    prisma.auditLog.findMany({
      where: { entityType: "order", entityId: id, action: "order.status_change" },
      select: { after: true },
    }),
  ]);
  const reasons = new Map<string, string>();
  for (const a of audits) {
    const after = a.after as { changeId?: string; reason?: string } | null;
    if (after?.changeId && after.reason) reasons.set(after.changeId, after.reason);
  }
  const changeEvents: ChangeEvent[] = changes.map((c) => ({
    kind: "change",
    key: `c${c.id}`,
    at: c.createdAt.toISOString(),
    fromCode: c.fromCode,
    toCode: c.toCode,
    message: c.message,
    trackingUrl: c.trackingUrl,
    source: c.source,
    actorLabel: c.actorLabel,
    reason: reasons.get(c.id.toString()) ?? null,
  }));
  const pushEvents: PushEvent[] = deliveries.map((d) => ({
    kind: "push",
    key: `d${d.id}`,
    at: d.createdAt.toISOString(),
    deliveryId: d.id,
    version: d.entityVersion,
    state: d.state,
    payload: JSON.stringify(d.payload),
    response: d.response === null ? null : clip(JSON.stringify(d.response)),
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    attempts: d.attemptLog.map((a) => ({
      attemptNo: a.attemptNo,
      at: a.startedAt.toISOString(),
      url: a.url,
      responseStatus: a.responseStatus,
      responseBody: a.responseBody === null ? null : clip(a.responseBody),
      latencyMs: a.latencyMs,
      error: a.error,
    })),
  }));
  // A change and the push it queued share a transaction, so equal times put the change first.
  const timeline = [...changeEvents, ...pushEvents].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === "change" ? -1 : 1));
  return {
    id: order.id,
    internalId: order.internalId,
    uuid: order.uuid,
    userId: order.userId,
    totalKopecks: order.totalKopecks,
    itemsSummary: order.itemsSummary,
    statusCode: order.statusCode,
    statusMessage: order.statusMessage,
    trackingUrl: order.trackingUrl,
    imshopStatus: order.imshopStatus,
    orderCreatedAt: order.orderCreatedAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    version: order.version,
    status,
    timeline,
  };
}

const clip = (s: string) => (s.length > BODY_LIMIT ? `${s.slice(0, BODY_LIMIT)}…` : s);
