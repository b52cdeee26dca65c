// A worker process running one import job, for the test that kills it mid-import:
// node --import tsx tests/helpers/run-import-child.ts <importId> <batchRows>
import { disconnectDatabase } from "@/lib/db";
import { runImport } from "@/lib/imports/run-import";

const [importId, batchRows] = process.argv.slice(2);
runImport({ importId, batchRows: Number(batchRows) })
  .then(() => disconnectDatabase())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
