import type pg from "pg";

// The import job in graphile-worker, added through its public SQL API in the upload's own transaction.

export const IMPORT_TASK = "import";

/**
 * One queue for every import: two files run one after another, so two imports of the same clients never
 * race each other for the same phone. The job key keeps one job per import.
 */
export async function scheduleImportJob(client: pg.PoolClient, importId: string): Promise<void> {
  await client.query(
    `SELECT graphile_worker.add_job($1::text, json_build_object('importId', $2::text), queue_name => 'imports', max_attempts => 10, job_key => $3::text)`,
    [IMPORT_TASK, importId, `import:${importId}`],
  );
}
