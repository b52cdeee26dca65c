import type { z } from "zod";

/** Turns zod issues into `{ "field.path": "what was expected" }`, one message per field. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
