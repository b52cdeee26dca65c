import { env, startProblems } from "@/lib/env";
import { findDemoCredentials } from "@/lib/demo/find-demo-credentials";

/**
 * What stops a process from starting: wrong or missing variables (checked first, without touching the
 * database) and, unless the demo was asked for with DEMO_SEED=true, the demo's public credentials in the
 * database. Each problem is one line an operator can act on.
 */
export async function startupProblems({ database = true }: { database?: boolean } = {}): Promise<string[]> {
  const wrong = startProblems();
  if (wrong.length || !database || env.DEMO_SEED) return wrong;
  const demo = await findDemoCredentials();
  if (demo.length === 0) return [];
  const names = demo.map((d) => `${d.kind} ${d.name}`).join(", ");
  return [
    `the database holds the demo's public credentials (${names}) and DEMO_SEED is not true: ` +
      "remove them with `npm run portal -- demo remove`, or set DEMO_SEED=true for a demo installation",
  ];
}
