// Run by `npm start` before it touches the database: every variable well-formed and both secrets set,
// each problem named. With --database it also refuses the demo's credentials outside a demo.
import { startupProblems } from "@/lib/startup/startup-problems";
import { disconnectDatabase } from "@/lib/db";

async function main(): Promise<number> {
  const database = process.argv.includes("--database");
  const problems = await startupProblems({ database });
  await disconnectDatabase();
  if (problems.length === 0) return 0;
  console.error(`[imshop-connect] cannot start:\n  ${problems.join("\n  ")}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[imshop-connect] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
