import { assertRole } from "@/lib/auth/require-role";
import { route } from "@/lib/http/route";
import { listImports } from "@/lib/imports/imports.queries";

// What the imports page polls while an import runs: the newest imports with their progress.
export const GET = route({}, async () => {
  await assertRole("admin");
  return { imports: await listImports() };
});
