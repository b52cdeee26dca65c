import { prisma } from "@/lib/db";
import type { DeliveryRow } from "@/lib/outbox/outbox.schema";

/** What a push is about, as staff know it: the order's number or the scan's marking code, with its page. */
export type DeliverySubject = { label: string; href: string };

/** Two lookups per page (scans by id, orders by id), whatever the page's size. */
export async function deliverySubjects(rows: Pick<DeliveryRow, "kind" | "entityId">[]): Promise<Map<string, DeliverySubject>> {
  const ids = (kind: DeliveryRow["kind"]) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.entityId))];
  const scanIds = ids("scan_status");
  const orderIds = ids("order_status");
  const [scans, orders] = await Promise.all([
    scanIds.length ? prisma.scan.findMany({ where: { id: { in: scanIds } }, select: { id: true, code: true } }) : [],
    orderIds.length ? prisma.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, internalId: true } }) : [],
  ]);
  const subjects = new Map<string, DeliverySubject>();
  for (const s of scans) subjects.set(`scan_status:${s.id}`, { label: s.code, href: `/scans/${s.id}` });
  for (const o of orders) subjects.set(`order_status:${o.id}`, { label: o.internalId, href: `/orders/${o.id}` });
  return subjects;
}
