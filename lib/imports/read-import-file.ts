import { Readable, Transform, pipeline } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import iconv from "iconv-lite";
import { dbPool } from "@/lib/db";
import { stripFormulaGuard } from "@/lib/csv/csv-cell";

/** One CSV record: its cells, and the file line it ends on (the row number an error report names). */
export type ImportRecord = { cells: string[]; line: number; malformed?: false } | { cells: null; line: number; malformed: true };

export type StoredFile = { id: string; encoding: string; delimiter: string };

/** The stored upload, one chunk at a time: never more than one chunk of the file in memory. */
async function* storedChunks(importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const { rows } = await dbPool().query<{ data: Buffer }>('SELECT data FROM "ImportChunk" WHERE "importId" = $1 AND seq = $2', [importId, seq]);
    if (rows.length === 0) return;
    yield rows[0].data;
  }
}

/**
 * Streams the stored file through the decoder (UTF-8 or Windows-1251, as detected at upload) and
 * csv-parse: quotes, doubled quotes, line breaks inside quotes, a BOM, the detected separator. A record
 * csv-parse cannot read (a stray quote) is handed on as `malformed` with its line, not fatal: the other
 * rows still import. The export's formula guard ("'=…") is dropped again, so a round trip keeps values.
 */
export async function* readImportRecords(file: StoredFile): AsyncGenerator<ImportRecord> {
  const skipped: number[] = [];
  const parser = parse({
    delimiter: file.delimiter,
    // Files glued together from several sources mix line endings; csv-parse would keep the first it saw.
    record_delimiter: ["\r\n", "\n", "\r"],
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  });
  parser.on("skip", (error: CsvError) => skipped.push(Number(error.lines) || 0));
  const decoder = iconv.decodeStream(file.encoding === "windows-1251" ? "win1251" : "utf8") as unknown as Transform;
  const source = Readable.from(storedChunks(file.id));
  pipeline(source, decoder, parser, () => undefined);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) yield { cells: null, line: skipped.shift()!, malformed: true };
    yield { cells: record.map((cell) => stripFormulaGuard(cell.trim())), line: info.lines };
  }
  while (skipped.length) yield { cells: null, line: skipped.shift()!, malformed: true };
}
