import { dbPool, prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Import, ImportKind } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { lazy } from "@/lib/util/lazy";
import { clientsHandler } from "@/lib/imports/clients-handler";
import { ImportFailure, type DataRecord, type ImportHandler, type RowError } from "@/lib/imports/import-handler";
import { campaignGtinsHandler, offerCodesHandler, offerUsersHandler } from "@/lib/imports/list-handlers";
import { readImportRecords, type ImportRecord } from "@/lib/imports/read-import-file";

const HANDLERS: Record<ImportKind, ImportHandler> = {
  clients: clientsHandler,
  offer_codes: offerCodesHandler,
  offer_users: offerUsersHandler,
  campaign_gtins: campaignGtinsHandler,
};

const log = lazy(() => logger.child({ component: "imports" }));

// The tables a kind writes: analysed after a large import, so the planner does not keep planning for the
// small table it last sampled (a keyset page planned as a scan of the whole table, once per page).
const TABLES: Record<ImportKind, string> = {
  clients: '"LoyaltyClient", "LedgerEntry"',
  offer_codes: '"OfferCode"',
  offer_users: '"OfferUser"',
  campaign_gtins: '"CampaignGtin"',
};
const ANALYZE_FROM_ROWS = 10_000;

const FINAL = new Set(["done", "failed", "cancelled"]);

/**
 * The import job (graphile task `import`, worker/worker-instance.ts): counts the file's records, then
 * writes them batch by batch, each batch in one transaction together with the import's progress and its
 * refused rows. A killed worker's job runs again and skips the `processed` records already committed;
 * a cancel request is seen at the next batch. Stops between batches when `signal` aborts (worker
 * shutdown) by throwing, so the job is retried and resumes.
 */
export async function runImport({ importId, signal, batchRows = env.IMPORT_BATCH_ROWS }: { importId: string; signal?: AbortSignal; batchRows?: number }): Promise<void> {
  let job = await prisma.import.findUnique({ where: { id: importId } });
  if (!job || FINAL.has(job.state)) return;
  if (job.cancelRequested) return void (await finish(importId, "cancelled"));
  if (job.state === "queued") job = await prisma.import.update({ where: { id: importId }, data: { state: "running", startedAt: new Date() } });
  const handler = HANDLERS[job.kind];
  try {
    const first = await firstRecord(job);
    if (!first) throw new ImportFailure("empty");
    const { firstIsHeader, context } = await handler.start(job, first, dbPool());
    // Counted from the upload's line breaks (a second parse of 100 MB would cost seconds), made exact at the end.
    if (job.total === null) job = await prisma.import.update({ where: { id: importId }, data: { total: Math.max(0, job.lines - (firstIsHeader ? 1 : 0)) } });
    const live = job;
    const done = live.processed;
    let index = 0;
    let batch: ImportRecord[] = [];
    let offset = done;
    // The next batch is parsed while the previous one is written: one batch in flight at a time, so they
    // still commit in file order (commitBatch checks the offset).
    let inFlight: Promise<boolean> | null = null;
    const previousCommitted = async () => !inFlight || (await inFlight);
    const send = (records: ImportRecord[]) => {
      inFlight = commitBatch({ job: live, handler, context, records, offset });
      // Awaited before the next batch; until then a failure must not count as unhandled.
      inFlight.catch(() => undefined);
      offset += records.length;
    };
    for await (const record of readImportRecords(live)) {
      if (index++ === 0 && firstIsHeader) continue;
      if (index - (firstIsHeader ? 1 : 0) <= done) continue;
      batch.push(record);
      if (batch.length < batchRows) continue;
      if (!(await previousCommitted())) return;
      if (signal?.aborted) throw new Error("import stopped by worker shutdown; resumes on retry");
      send(batch);
      batch = [];
    }
    if (!(await previousCommitted())) return;
    if (batch.length) {
      send(batch);
      if (!(await previousCommitted())) return;
    }
    await finish(importId, "done");
  } catch (error) {
    if (!(error instanceof ImportFailure)) throw error;
    await finish(importId, "failed", error.key);
  }
}

/** Marks an import failed for good (its job gave up), unless it already ended. */
export async function failImport({ importId, failure }: { importId: string; failure: string }): Promise<void> {
  await prisma.import.updateMany({ where: { id: importId, state: { in: ["queued", "running"] } }, data: { state: "failed", failure, finishedAt: new Date() } });
}

async function finish(importId: string, state: "done" | "failed" | "cancelled", failure?: string) {
  const exact = state === "done" ? { total: (await prisma.import.findUniqueOrThrow({ where: { id: importId }, select: { processed: true } })).processed } : {};
  const job = await prisma.import.update({ where: { id: importId }, data: { state, failure: failure ?? null, finishedAt: new Date(), ...exact } });
  if (job.created >= ANALYZE_FROM_ROWS) {
    await dbPool()
      .query(`ANALYZE ${TABLES[job.kind]}`)
      .catch((error: unknown) => log.warn({ err: error, importId }, "import: could not analyse the tables it wrote"));
  }
  log.info({ importId, kind: job.kind, state, processed: job.processed, created: job.created, updated: job.updated, failed: job.failed }, "import finished");
}

async function firstRecord(job: Import): Promise<string[] | null> {
  for await (const record of readImportRecords(job)) if (record.cells) return record.cells;
  return null;
}

/**
 * One batch in one transaction: the import row is locked first (a second worker running the same job
 * waits, then sees the batch done), the cancel flag read, the rows written, errors and progress stored.
 * False when the import was cancelled or moved on without us.
 */
async function commitBatch(opts: { job: Import; handler: ImportHandler; context: unknown; records: ImportRecord[]; offset: number }): Promise<boolean> {
  const { job, handler, context, records, offset } = opts;
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN");
    // Safe without waiting for the flush: a batch lost in a crash loses its progress row with it, and is redone.
    await client.query("SET LOCAL synchronous_commit TO off");
    const { rows } = await client.query<{ cancelRequested: boolean; processed: number; failed: number }>(
      'SELECT "cancelRequested", processed, failed FROM "Import" WHERE id = $1 FOR UPDATE',
      [job.id],
    );
    const current = rows[0];
    if (!current || current.cancelRequested || current.processed !== offset) {
      await client.query("ROLLBACK");
      if (current?.cancelRequested) await finish(job.id, "cancelled");
      return false;
    }
    const malformed: RowError[] = records.filter((r) => r.malformed).map((r) => ({ line: r.line, column: "", reason: "malformed" }));
    const data = records.filter((r): r is DataRecord & ImportRecord => !r.malformed);
    const result = await handler.write({ client, job, records: data, context, firstBatch: offset === 0 });
    const errors = [...malformed, ...result.errors].sort((a, b) => a.line - b.line);
    const room = Math.max(0, env.IMPORT_MAX_ERRORS - current.failed);
    if (errors.length && room > 0) {
      const kept = errors.slice(0, room);
      await client.query(
        `INSERT INTO "ImportError" ("importId", row, "column", reason, params)
         SELECT $1, e.row, e.col, e.reason, e.params::jsonb FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS e(row, col, reason, params)`,
        [job.id, kept.map((e) => e.line), kept.map((e) => e.column), kept.map((e) => e.reason), kept.map((e) => (e.params ? JSON.stringify(e.params) : null))],
      );
    }
    await client.query(
      `UPDATE "Import" SET processed = processed + $2, created = created + $3, updated = updated + $4, failed = failed + $5 WHERE id = $1`,
      [job.id, records.length, result.created, result.updated, new Set(errors.map((e) => e.line)).size],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
