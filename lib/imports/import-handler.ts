import type pg from "pg";
import type { Import } from "@/lib/generated/prisma/client";
import type { ImportRecord } from "@/lib/imports/read-import-file";

/** One refused row: `reason` is a key of messages/<locale>/imports.json "reasons", `params` its values. */
export type RowError = { line: number; column: string; reason: string; params?: Record<string, string | number> };

export type BatchResult = { created: number; updated: number; errors: RowError[] };

/** A data record, after the header: never a malformed one (those become errors before a handler sees them). */
export type DataRecord = { cells: string[]; line: number };

/** Thrown when the whole file cannot be imported (no known column, the offer is gone): `key` is in "failures". */
export class ImportFailure extends Error {
  constructor(readonly key: string) {
    super(`import failed: ${key}`);
    this.name = "ImportFailure";
  }
}

/**
 * What one kind of import does with its file. `start` reads the first record: the header it names
 * columns by, or (for the one-column kinds) possibly a first data row. `write` runs inside the batch's
 * transaction on `client`; it must be idempotent (a file imported again creates nothing).
 */
export type ImportHandler = {
  start(job: Import, first: string[], db: pg.Pool): Promise<{ firstIsHeader: boolean; context: unknown }>;
  write(opts: { client: pg.PoolClient; job: Import; records: DataRecord[]; context: unknown; firstBatch: boolean }): Promise<BatchResult>;
};

export type { ImportRecord };
