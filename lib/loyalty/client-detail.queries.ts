import { prisma } from "@/lib/db";
import { getBalance, type Balance } from "@/lib/loyalty/get-balance";
import { operationSelect, toOperationRow, type OperationRow } from "@/lib/loyalty/loyalty.queries";
import { formatPhone } from "@/lib/loyalty/phone";
import { systemLedgerReason, type SystemLedgerReason } from "@/lib/loyalty/ledger-reason";

export type HoldRow = { id: string; point: string; amount: number; until: string; createdAt: string; state: "active" | "released" | "expired"; releaseReason: string | null };
/** `reasonKey` names a reason the system wrote (see ledger-reason.ts); `reason` is shown when it is null. */
export type LedgerRow = {
  id: string;
  kind: string;
  amount: number;
  reason: string | null;
  reasonKey: SystemLedgerReason | null;
  operationId: string | null;
  /** The scan a scan credit (or its reversal) came from: the line links to it. */
  scanId: string | null;
  createdAt: string;
  reversed: boolean;
};

export type ClientDetail = {
  client: {
    id: string;
    name: string | null;
    phone: string | null;
    phoneFormatted: string;
    email: string | null;
    cardNumber: string | null;
    appCode: string | null;
    imshopUserId: string | null;
    birthday: string | null;
    photo: string | null;
    levelId: string;
    level: { title: string; percent: number; type: "cashback" | "discount"; maxSpendPercent: number };
    createdAt: string;
    erasedAt: string | null;
  };
  balance: Balance;
  holds: HoldRow[];
  ledger: LedgerRow[];
  operations: OperationRow[];
};

const RECENT = 100;

/** A client's card: profile, balance, recent holds, ledger and purchases. Null when there is no such client. */
export async function getClientDetail(id: string): Promise<ClientDetail | null> {
  const client = await prisma.loyaltyClient.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      phone: true,
      email: true,
      cardNumber: true,
      appCode: true,
      imshopUserId: true,
      erasedAt: true,
      birthday: true,
      photo: true,
      levelId: true,
      createdAt: true,
      level: { select: { title: true, percent: true, type: true, maxSpendPercent: true } },
    },
  });
  if (!client) return null;
  const now = new Date();
  const [balance, holds, ledger, operations] = await Promise.all([
    getBalance({ clientId: id, now }),
    prisma.hold.findMany({ where: { clientId: id }, orderBy: { createdAt: "desc" }, take: 20, include: { point: { select: { name: true } } } }),
    prisma.ledgerEntry.findMany({
      where: { clientId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT,
      select: { id: true, kind: true, amount: true, reason: true, operationId: true, scanId: true, createdAt: true, reversedBy: { select: { id: true } } },
    }),
    prisma.operation.findMany({ where: { clientId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50, select: operationSelect }),
  ]);
  return {
    client: {
      ...client,
      phoneFormatted: formatPhone(client.phone),
      birthday: client.birthday ? client.birthday.toISOString().slice(0, 10) : null,
      createdAt: client.createdAt.toISOString(),
      erasedAt: client.erasedAt ? client.erasedAt.toISOString() : null,
    },
    balance,
    holds: holds.map((h) => ({
      id: h.id,
      point: h.point.name,
      amount: h.amount,
      until: h.until.toISOString(),
      createdAt: h.createdAt.toISOString(),
      state: h.releasedAt ? "released" : h.until > now ? "active" : "expired",
      releaseReason: h.releaseReason,
    })),
    ledger: ledger.map((e) => ({
      id: e.id.toString(),
      kind: e.kind,
      amount: e.amount,
      reason: e.reason,
      reasonKey: systemLedgerReason(e.reason, e.scanId),
      operationId: e.operationId,
      scanId: e.scanId,
      createdAt: e.createdAt.toISOString(),
      reversed: !!e.reversedBy,
    })),
    operations: operations.map(toOperationRow),
  };
}
