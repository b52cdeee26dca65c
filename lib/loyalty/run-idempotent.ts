import { NextResponse } from "next/server";
import { inTransaction, Prisma, type Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/http/app-error";
import { sha256Hex } from "@/lib/crypto/hash-token";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export type IdempotentAnswer = { status: number; body: unknown; replayed: boolean };

/** The `Idempotency-Key` header, checked: absent → null; present but empty or too long → 422. */
export function readIdempotencyKey(req: Request): string | null {
  const raw = req.headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return null;
  const key = raw.trim();
  if (key.length < 1 || key.length > 255) {
    throw new AppError("validation", "Bad Idempotency-Key", { fields: { [IDEMPOTENCY_HEADER]: "Must be 1 to 255 characters." } });
  }
  return key;
}

/**
 * Runs `act` once per (scope, key). The first answer — success, or a business refusal (422) — is
 * stored in the same transaction as the writes it reports, so a retry after a timeout gets that
 * answer back and nothing is done twice. A placeholder row is inserted first: a concurrent retry
 * with the same key waits on it (unique index) until the first commits, then reads its answer.
 */
export async function runIdempotent(
  opts: { scope: string; key: string | null; request: unknown; tx?: Tx },
  act: (tx: Tx) => Promise<unknown>,
): Promise<IdempotentAnswer> {
  const { key, scope } = opts;
  if (!key) return { status: 200, body: await inTransaction(opts.tx, act), replayed: false };
  const requestHash = sha256Hex(stableJson(opts.request));
  return inTransaction(opts.tx, async (tx) => {
    const inserted = await tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "IdempotencyRecord" (scope, key, "requestHash", "responseStatus", "responseBody")
      VALUES (${scope}, ${key}, ${requestHash}, 0, 'null'::jsonb)
      ON CONFLICT (scope, key) DO NOTHING
      RETURNING key`;
    if (inserted.length === 0) {
      const first = await tx.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope, key } } });
      if (first.requestHash !== requestHash) {
        throw new AppError("unprocessable", "Idempotency-Key reused with another body", {
          fields: { [IDEMPOTENCY_HEADER]: "This key was already used with a different request body." },
        });
      }
      return { status: first.responseStatus, body: first.responseBody, replayed: true };
    }
    let answer: IdempotentAnswer;
    try {
      answer = { status: 200, body: await act(tx), replayed: false };
    } catch (error) {
      // Business refusals are answers too; anything else rolls back, placeholder included, so a retry acts afresh.
      if (!isAppError(error) || error.code !== "unprocessable" || !error.fields) throw error;
      answer = { status: 422, body: error.fields, replayed: false };
    }
    await tx.idempotencyRecord.update({
      where: { scope_key: { scope, key } },
      data: { responseStatus: answer.status, responseBody: answer.body as Prisma.InputJsonValue },
    });
    return answer;
  });
}

export function idempotentResponse(answer: IdempotentAnswer): Response {
  const headers: Record<string, string> = answer.replayed ? { "Idempotent-Replayed": "true" } : {};
  return NextResponse.json(answer.body, { status: answer.status, headers });
}

/** JSON with object keys sorted, so the same body always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
