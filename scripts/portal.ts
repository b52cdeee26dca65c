// The operations command line: `npm run portal -- <group> <command>` (see scripts/portal/ and --help).
import { runPortal } from "./portal/run-portal";

runPortal(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
  // Exiting also closes the database pool a command may have opened.
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
