import { prepareDatabase } from "../../scripts/lib/prepare-database.mjs";
import { dropDatabase, throwawayDatabaseUrl } from "../../scripts/lib/test-database.mjs";

// One real PostgreSQL database per run, with every migration applied; dropped when the run ends.
export default async function setup() {
  const databaseUrl = throwawayDatabaseUrl("imshop_test");
  await prepareDatabase({ databaseUrl, seed: false, bootstrap: false });
  process.env.DATABASE_URL = databaseUrl;
  // Keep workers started by tests quick to notice new jobs.
  process.env.WORKER_POLL_INTERVAL_MS ??= "100";
  return async () => {
    await dropDatabase(databaseUrl);
  };
}
