"use server";

import { runAction, type ActionResult } from "@/lib/http/run-action";
import { searchDashboard } from "@/lib/search/search-dashboard";
import { searchSchema, type SearchHit } from "@/lib/search/search.schema";

/** The header's search (Ctrl+K), for staff and admins; the box words the refusal codes itself. */
export async function searchAction(input: unknown): Promise<ActionResult<SearchHit[]>> {
  return runAction({
    role: "staff",
    schema: searchSchema,
    input,
    field: false,
    logMessage: "dashboard search failed",
    run: ({ query }) => searchDashboard({ query }),
  });
}
