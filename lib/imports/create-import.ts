import type pg from "pg";
import { dbPool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import type { Actor } from "@/lib/audit/record-audit";
import { detectFormat } from "@/lib/imports/detect-format";
import { scheduleImportJob } from "@/lib/imports/import-jobs";
import { TARGET_OF, kindOfSlug, type ImportKindSlug } from "@/lib/imports/import-kinds";

const CHUNK_BYTES = 1024 * 1024;

export type CreateImportInput = {
  kind: ImportKindSlug;
  /** The offer (offer-codes, offer-users) or campaign (campaign-gtins) id. */
  targetId?: string | null;
  replace?: boolean;
  fileName?: string | null;
  body: AsyncIterable<Uint8Array>;
  actor: Actor;
  requestId?: string;
};

/**
 * Stores an uploaded CSV in the database in 1 MB chunks as it arrives (the file is never whole in the
 * heap) and queues its job, all in one transaction: an empty, oversized or unreadable file, or a missing
 * target, is refused with a 4xx and leaves nothing behind. The database is the storage because every
 * server and worker shares it; a folder would need a shared volume on multi-server deployments.
 */
export async function createImport(input: CreateImportInput): Promise<{ id: string }> {
  const kind = kindOfSlug(input.kind);
  const target = TARGET_OF[kind];
  const targetId = input.targetId?.trim() || null;
  if (target && !targetId) throw new AppError("validation", `The ${target} id is required (query parameter "target")`, { fields: { target: "Required" } });
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN");
    if (target) await assertTarget(client, target, targetId!);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Import" (id, kind, "targetId", replace, "fileName", "actorId", "actorLabel")
       VALUES (gen_random_uuid()::text, $1::"ImportKind", $2, $3, $4, $5, $6) RETURNING id`,
      [kind, target ? targetId : null, input.replace ?? false, input.fileName?.slice(0, 200) ?? null, input.actor.id ?? null, input.actor.label],
    );
    const id = rows[0].id;
    const stored = await storeChunks(client, id, input.body);
    await client.query('UPDATE "Import" SET bytes = $2, encoding = $3, delimiter = $4, lines = $5 WHERE id = $1', [id, stored.bytes, stored.format.encoding, stored.format.delimiter, stored.lines]);
    await client.query(
      `INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after, "requestId")
       VALUES ($1, $2, 'import.create', 'Import', $3, $4::jsonb, $5)`,
      [input.actor.id ?? null, input.actor.label, id, JSON.stringify({ kind: input.kind, targetId, replace: input.replace ?? false, bytes: stored.bytes, encoding: stored.format.encoding }), input.requestId ?? null],
    );
    await scheduleImportJob(client, id);
    await client.query("COMMIT");
    return { id };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function assertTarget(client: pg.PoolClient, target: "offer" | "campaign", id: string) {
  const table = target === "offer" ? "Offer" : "Campaign";
  const { rowCount } = await client.query(`SELECT 1 FROM "${table}" WHERE id = $1`, [id]);
  if (!rowCount) throw new AppError("not_found", `No ${target} with id ${id}`, { fields: { target: `No ${target} with this id` } });
}

/** Writes the body in chunks; the format is detected from the first chunk, before anything is kept. */
async function storeChunks(client: pg.PoolClient, importId: string, body: AsyncIterable<Uint8Array>) {
  let seq = 0;
  let bytes = 0;
  let lines = 0;
  let last = 0x0a;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let format: ReturnType<typeof detectFormat> = null;
  const flush = async () => {
    const data = Buffer.concat(pending, pendingBytes);
    if (seq === 0) {
      format = detectFormat(data.subarray(0, 64 * 1024));
      if (!format) throw new AppError("unsupported_media_type", "The file is not readable CSV text: save it as CSV in UTF-8 (or Windows-1251)", { fields: { body: "Not CSV text" } });
    }
    await client.query('INSERT INTO "ImportChunk" ("importId", seq, data) VALUES ($1, $2, $3)', [importId, seq++, data]);
    pending = [];
    pendingBytes = 0;
  };
  for await (const piece of body) {
    bytes += piece.byteLength;
    if (bytes > env.IMPORT_MAX_BYTES) {
      throw new AppError("payload_too_large", `The file is larger than ${env.IMPORT_MAX_BYTES} bytes (IMPORT_MAX_BYTES)`, { fields: { body: "Too large" } });
    }
    // A copy: the pieces are kept until the chunk is full, and a stream may reuse a buffer it handed out.
    const buffer = Buffer.from(piece);
    for (let i = buffer.indexOf(0x0a); i !== -1; i = buffer.indexOf(0x0a, i + 1)) lines++;
    if (buffer.length) last = buffer[buffer.length - 1];
    pending.push(buffer);
    pendingBytes += piece.byteLength;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  if (pendingBytes > 0) await flush();
  if (bytes === 0 || !format) throw new AppError("validation", "The file is empty", { fields: { body: "Empty" } });
  if (!(await hasData(client, importId))) throw new AppError("validation", "The file has no rows", { fields: { body: "No rows" } });
  // A last line without a line break is a line too.
  return { bytes, lines: lines + (last === 0x0a ? 0 : 1), format: format as NonNullable<ReturnType<typeof detectFormat>> };
}

/** Something other than blank lines and a BOM. */
async function hasData(client: pg.PoolClient, importId: string): Promise<boolean> {
  const { rows } = await client.query<{ data: Buffer }>('SELECT substring(data from 1 for 4096) AS data FROM "ImportChunk" WHERE "importId" = $1 AND seq = 0', [importId]);
  return /[^\s\uFEFF]/.test(rows[0]?.data.toString("utf8") ?? "");
}
