import { prisma, type Db } from "@/lib/db";
import { decodeBarcode } from "@/lib/barcode/decode-barcode";
import { formatPhone, normalizePhone } from "@/lib/loyalty/phone";
import type { SearchHit } from "@/lib/search/search.schema";

const PER_KIND = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The header's search: one query, every kind of thing staff look up, each answered by an index.
 * - a phone in any format → the loyalty client with that phone, and the IMSHOP user's scans
 *   (IMSHOP's user ids are phone numbers);
 * - an order number (or IMSHOP's order uuid) → the order; part of a number → orders containing it
 *   (the trigram index on the number);
 * - a marking code (text or base64) → the scan of that item; a GTIN or EAN → the campaigns listing it and
 *   the product's scans; a scan id → the scan;
 * - a client's name → clients whose name contains it (the trigram index on the name).
 * Exact matches come first, so Enter goes straight to the page.
 */
export async function searchDashboard({ query, db = prisma }: { query: string; db?: Db }): Promise<SearchHit[]> {
  const q = query.trim();
  const phone = normalizePhone(q);
  const decoded = decodeBarcode(q);
  const product = decoded.gtin;
  const item = decoded.gtin && decoded.serial ? { gtin: decoded.gtin, serial: decoded.serial } : null;

  const [clients, orders, scans, campaigns, userScans] = await Promise.all([
    db.loyaltyClient.findMany({
      where: {
        erasedAt: null,
        OR: [
          ...(phone ? [{ phone }, { imshopUserId: phone }] : []),
          ...(q.length >= 3 ? [{ name: { contains: q, mode: "insensitive" as const } }] : []),
          { cardNumber: q },
        ],
      },
      take: PER_KIND,
      orderBy: { createdAt: "desc" },
      select: { id: true, name: true, phone: true, cardNumber: true },
    }),
    db.order.findMany({
      where: { OR: [{ internalId: q }, { uuid: q }, ...(q.length >= 3 ? [{ internalId: { contains: q, mode: "insensitive" as const } }] : [])] },
      take: PER_KIND,
      orderBy: { orderCreatedAt: "desc" },
      select: { id: true, internalId: true, statusCode: true, userId: true },
    }),
    item || UUID.test(q)
      ? db.scan.findMany({
          where: { OR: [...(item ? [item, { code: decoded.code }] : []), ...(UUID.test(q) ? [{ id: q.toLowerCase() }] : [])] },
          take: PER_KIND,
          orderBy: { createdAt: "desc" },
          select: { id: true, code: true, status: true, userId: true },
        })
      : [],
    product && !item
      ? db.campaign.findMany({ where: { gtins: { some: { gtin: product } } }, take: PER_KIND, orderBy: { startsAt: "desc" }, select: { id: true, name: true } })
      : [],
    phone ? db.scan.findFirst({ where: { userId: phone }, select: { id: true } }) : null,
  ]);

  const hits: SearchHit[] = [
    ...clients.map((c) => ({
      kind: "client" as const,
      id: c.id,
      title: c.name || formatPhone(c.phone) || c.cardNumber || c.id,
      detail: c.name ? formatPhone(c.phone) || null : null,
      href: `/loyalty/clients/${c.id}`,
      exact: !!phone && c.phone === phone,
    })),
    ...orders.map((o) => ({
      kind: "order" as const,
      id: o.id,
      title: o.internalId,
      detail: o.statusCode,
      href: `/orders/${o.id}`,
      exact: o.internalId === q,
    })),
    ...scans.map((s) => ({ kind: "scan" as const, id: s.id, title: s.code, detail: s.userId, status: s.status, href: `/scans/${s.id}`, exact: true })),
    // The IMSHOP user's scans, and a product's scans, as the queue filtered to them.
    ...(userScans && phone
      ? [{ kind: "scan" as const, id: `user:${phone}`, title: formatPhone(phone), detail: null, href: `/scans?user=${phone}`, exact: false }]
      : []),
    ...(product && !item
      ? [{ kind: "scan" as const, id: `gtin:${product}`, title: product, detail: null, href: `/scans?code=${product}`, exact: false }]
      : []),
    ...campaigns.map((c) => ({ kind: "campaign" as const, id: c.id, title: c.name, detail: product, href: `/campaigns/${c.id}`, exact: false })),
  ];
  // A stable sort: exact hits first, each kind keeping its own order.
  return hits.map((h, i) => ({ h, i })).sort((a, b) => Number(b.h.exact) - Number(a.h.exact) || a.i - b.i).map(({ h }) => h);
}
