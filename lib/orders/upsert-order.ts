import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { applyStatusChange, lockOrder, type OrderState } from "@/lib/orders/change-order-status";
import type { UpsertOrderInput } from "@/lib/orders/orders.schema";

export type UpsertOrderOptions = { input: UpsertOrderInput; actor: Actor; requestId?: string; tx?: Tx };

export type UpsertOrderResult = {
  success: true;
  created: boolean;
  statusChanged: boolean;
  internalId: string;
  uuid: string | null;
  code: string;
  message: string | null;
  trackingUrl: string | null;
  version: number;
};

/**
 * Creates or updates an order from a merchant system, keyed by the merchant's own number. A status
 * that differs from the stored one goes through the same path as any other status change (and a move
 * out of a final status refuses the whole upsert, so nothing is half-written).
 */
export async function upsertOrder(opts: UpsertOrderOptions): Promise<UpsertOrderResult> {
  try {
    return await inTransaction(opts.tx, (tx) => upsertIn(tx, opts));
  } catch (error) {
    // Two first upserts of one order at once: the loser's insert hits the unique index; once more, it updates.
    if (!opts.tx && isUniqueViolation(error)) return inTransaction(undefined, (tx) => upsertIn(tx, opts));
    throw error;
  }
}

async function upsertIn(tx: Tx, { input, actor, requestId }: UpsertOrderOptions): Promise<UpsertOrderResult> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE "internalId" = ${input.internalId} FOR UPDATE`;
  if (input.uuid) {
    const owner = await tx.order.findUnique({ where: { uuid: input.uuid }, select: { internalId: true } });
    if (owner && owner.internalId !== input.internalId) {
      const message = `uuid already belongs to order ${owner.internalId}`;
      throw new AppError("conflict", message, { fields: { uuid: message } });
    }
  }
  const status = { code: input.code, message: input.message, trackingUrl: input.trackingUrl, source: "api" as const, actor, requestId };

  if (!row) {
    const created = await tx.order.create({
      data: {
        uuid: input.uuid ?? null,
        internalId: input.internalId,
        userId: input.userId ?? null,
        totalKopecks: input.total ?? 0,
        itemsSummary: input.itemsSummary ?? null,
        orderCreatedAt: input.createdAt ?? new Date(),
        statusCode: input.code,
        // applyStatusChange bumps it: the initial status is version 1, the first push IMSHOP receives.
        version: 0,
      },
      select: { id: true },
    });
    const order = (await lockOrder(tx, created.id)) as OrderState;
    const result = await applyStatusChange(tx, order, status, { initial: true });
    return answer(result.order, true, true);
  }

  const before = await tx.order.findUniqueOrThrow({ where: { id: row.id }, select: fieldSelect });
  const data = {
    ...(input.uuid !== undefined ? { uuid: input.uuid } : {}),
    ...(input.userId !== undefined ? { userId: input.userId } : {}),
    ...(input.total !== undefined ? { totalKopecks: input.total } : {}),
    ...(input.itemsSummary !== undefined ? { itemsSummary: input.itemsSummary } : {}),
    ...(input.createdAt !== undefined ? { orderCreatedAt: input.createdAt } : {}),
  };
  const changedFields = Object.entries(data).filter(([k, v]) => !same(before[k as keyof typeof before], v));
  if (changedFields.length > 0) {
    await tx.order.update({ where: { id: row.id }, data: Object.fromEntries(changedFields) });
    await recordAudit({
      actor,
      action: "order.update",
      entityType: "order",
      entityId: row.id,
      before: Object.fromEntries(changedFields.map(([k]) => [k, before[k as keyof typeof before]])),
      after: Object.fromEntries(changedFields),
      requestId,
      tx,
    });
  }
  const order = (await lockOrder(tx, row.id)) as OrderState;
  const result = await applyStatusChange(tx, order, status);
  return answer(result.order, false, result.changed);
}

const fieldSelect = { uuid: true, userId: true, totalKopecks: true, itemsSummary: true, orderCreatedAt: true } as const;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function answer(order: OrderState, created: boolean, statusChanged: boolean): UpsertOrderResult {
  return {
    success: true,
    created,
    statusChanged,
    internalId: order.internalId,
    uuid: order.uuid,
    code: order.statusCode,
    message: order.statusMessage,
    trackingUrl: order.trackingUrl,
    version: order.version,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
