import type { z } from "zod";
import { prisma, type Prisma } from "@/lib/db";
import { finishPage, keysetQuery, type Page } from "@/lib/pagination/keyset";
import type { ListParams } from "@/lib/pagination/list-params";
import type { clientFilters, operationFilters } from "@/lib/loyalty/loyalty.schema";
import { formatPhone, normalizePhone } from "@/lib/loyalty/phone";
import { toRoubles } from "@/lib/loyalty/money";

// Rows for the dashboard: plain values only (ISO strings, numbers), so they cross to client components.

export type PointRow = { id: string; name: string; address: string | null; active: boolean; operations: number; createdAt: string };
export type LevelRow = {
  id: string;
  title: string;
  percent: number;
  type: "cashback" | "discount";
  maxSpendPercent: number;
  isDefault: boolean;
  sortOrder: number;
  clients: number;
};
export type ClientRow = {
  id: string;
  name: string | null;
  phone: string;
  cardNumber: string | null;
  appCode: string | null;
  level: string;
  balance: number;
  createdAt: string;
};
export type OperationRow = {
  id: string;
  createdAt: string;
  point: string;
  clientId: string;
  client: string;
  amount: number;
  total: number;
  spend: number;
  earn: number;
  percent: number;
  type: "cashback" | "discount";
  refundedAt: string | null;
};

export async function listPoints(): Promise<PointRow[]> {
  const points = await prisma.loyaltyPoint.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, address: true, active: true, createdAt: true, _count: { select: { operations: true } } },
  });
  return points.map(({ _count, createdAt, ...p }) => ({ ...p, operations: _count.operations, createdAt: createdAt.toISOString() }));
}

export async function listLevels(): Promise<LevelRow[]> {
  const levels = await prisma.loyaltyLevel.findMany({
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, percent: true, type: true, maxSpendPercent: true, isDefault: true, sortOrder: true, _count: { select: { clients: true } } },
  });
  return levels.map(({ _count, ...l }) => ({ ...l, clients: _count.clients }));
}

export type Option = { value: string; label: string };

export async function levelOptions(): Promise<Option[]> {
  const levels = await prisma.loyaltyLevel.findMany({ orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }], select: { id: true, title: true } });
  return levels.map((l) => ({ value: l.id, label: l.title }));
}

export async function pointOptions(): Promise<Option[]> {
  const points = await prisma.loyaltyPoint.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return points.map((p) => ({ value: p.id, label: p.name }));
}

/** Ledger balances of the given clients, in one grouped query. */
export async function balancesOf(clientIds: string[]): Promise<Map<string, number>> {
  if (clientIds.length === 0) return new Map();
  const sums = await prisma.ledgerEntry.groupBy({ by: ["clientId"], where: { clientId: { in: clientIds } }, _sum: { amount: true } });
  return new Map(sums.map((s) => [s.clientId, s._sum.amount ?? 0]));
}

/** Staff search a client by phone (any format, or a part of it), card number, app code or name. */
export function clientSearch(q: string): Prisma.LoyaltyClientWhereInput {
  const phone = normalizePhone(q);
  const digits = q.replace(/\D/g, "");
  return {
    OR: [
      { name: { contains: q, mode: "insensitive" } },
      { cardNumber: { equals: q, mode: "insensitive" } },
      { appCode: q },
      { email: { equals: q, mode: "insensitive" } },
      { id: q },
      ...(phone ? [{ phone }] : digits.length >= 4 ? [{ phone: { contains: digits } }] : []),
    ],
  };
}

export async function listClients({ filters, cursor, dir, take }: ListParams<Partial<z.infer<typeof clientFilters>>>): Promise<Page<ClientRow>> {
  const page = keysetQuery(cursor, dir, take);
  const rows = await prisma.loyaltyClient.findMany({
    where: { AND: [filters.q ? clientSearch(filters.q) : {}, page.where] },
    orderBy: page.orderBy as Prisma.LoyaltyClientOrderByWithRelationInput[],
    take: page.take,
    select: { id: true, name: true, phone: true, cardNumber: true, appCode: true, createdAt: true, level: { select: { title: true } } },
  });
  const balances = await balancesOf(rows.map((r) => r.id));
  const plain = rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: formatPhone(r.phone),
    cardNumber: r.cardNumber,
    appCode: r.appCode,
    level: r.level.title,
    balance: balances.get(r.id) ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
  return finishPage(plain, { cursor, dir, take, timeOf: (r) => new Date(r.createdAt) });
}

// Dates in the filter are days in the dashboard's time zone (Moscow, UTC+3 all year).
const dayStart = (day: string) => new Date(`${day}T00:00:00+03:00`);

export async function listOperations({ filters, cursor, dir, take }: ListParams<Partial<z.infer<typeof operationFilters>>>): Promise<Page<OperationRow>> {
  const where: Prisma.OperationWhereInput = {};
  if (filters.point) where.pointId = filters.point;
  if (filters.client) where.client = clientSearch(filters.client);
  if (filters.type) where.type = filters.type;
  if (filters.kind === "spend") where.spend = { gt: 0 };
  if (filters.kind === "earn") where.earn = { gt: 0 };
  if (filters.kind === "refunded") where.refundedAt = { not: null };
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: dayStart(filters.from) } : {}),
      ...(filters.to ? { lt: new Date(dayStart(filters.to).getTime() + 86_400_000) } : {}),
    };
  }
  const page = keysetQuery(cursor, dir, take);
  const rows = await prisma.operation.findMany({
    where: { AND: [where, page.where] },
    orderBy: page.orderBy as Prisma.OperationOrderByWithRelationInput[],
    take: page.take,
    select: operationSelect,
  });
  return finishPage(rows.map(toOperationRow), { cursor, dir, take, timeOf: (r) => new Date(r.createdAt) });
}

export const operationSelect = {
  id: true,
  createdAt: true,
  amountKopecks: true,
  totalKopecks: true,
  spend: true,
  earn: true,
  percent: true,
  type: true,
  refundedAt: true,
  point: { select: { name: true } },
  client: { select: { id: true, name: true, phone: true, cardNumber: true } },
} as const;

type OperationRecord = Prisma.OperationGetPayload<{ select: typeof operationSelect }>;

export function toOperationRow(o: OperationRecord): OperationRow {
  return {
    id: o.id,
    createdAt: o.createdAt.toISOString(),
    point: o.point.name,
    clientId: o.client.id,
    client: o.client.name || formatPhone(o.client.phone) || o.client.cardNumber || o.client.id,
    amount: toRoubles(o.amountKopecks),
    total: toRoubles(o.totalKopecks),
    spend: o.spend,
    earn: o.earn,
    percent: o.percent,
    type: o.type,
    refundedAt: o.refundedAt?.toISOString() ?? null,
  };
}
