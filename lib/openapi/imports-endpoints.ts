import { z } from "zod";
import { importCreatedSchema, importStatusSchema } from "@/lib/imports/imports.schema";
import type { Endpoint } from "@/lib/openapi/endpoint";

// The bulk imports an ERP calls (issue 15): upload a CSV, poll its progress, fetch its error report.

const ref = (description: string) => ({ name: "ref", in: "path" as const, description, schema: { type: "string" } });

export const IMPORTS_ENDPOINTS: Endpoint[] = [
  {
    method: "post",
    path: "/api/imports/[ref]",
    tag: "Imports API",
    summary: "Upload a CSV file to import in the background",
    description:
      "`ref` is the kind: `clients` (columns phone, name, email, birthday, card_number, app_code, level, balance; matched by phone, card or " +
      "app code), `offer-codes`, `offer-users` (one column, header optional; `target` = the offer id) or `campaign-gtins` (`target` = the " +
      "campaign id). The body is the file itself (`Content-Type: text/csv`; UTF-8 or Windows-1251; `,`, `;` or tab). It is stored and the " +
      "import runs as a job: poll GET /api/imports/{id}. Valid rows are imported, refused ones reported; the same file again creates " +
      "nothing. Unknown kind → 404, empty file → 422, not CSV text → 415, over IMPORT_MAX_BYTES → 413; nothing is stored then.",
    auth: "apiKey",
    scope: "imports",
    parameters: [
      ref("The kind: clients, offer-codes, offer-users or campaign-gtins"),
      { name: "target", in: "query", description: "The offer (offer-codes, offer-users) or campaign (campaign-gtins) id", schema: { type: "string" } },
      { name: "replace", in: "query", description: "true: the file replaces the offer's list (codes already handed out stay)", schema: { type: "string", enum: ["true", "false"] } },
    ],
    request: { schema: z.string().describe("The CSV file"), contentType: "text/csv", example: "phone;name;balance\n79991234567;Иван;150\n" },
    responses: { 202: { description: "Stored and queued", schema: importCreatedSchema, example: { id: "6f1c2e8a-3b0d-4d7e-9a55-2f0c1b7d9e41" } } },
    errors: "default",
  },
  {
    method: "get",
    path: "/api/imports/[ref]",
    tag: "Imports API",
    summary: "An import's state and progress",
    auth: "apiKey",
    scope: "imports",
    parameters: [ref("The import's id")],
    responses: {
      200: {
        description: "The import",
        schema: importStatusSchema,
        example: {
          id: "6f1c2e8a-3b0d-4d7e-9a55-2f0c1b7d9e41",
          kind: "clients",
          state: "running",
          total: 1000000,
          processed: 420000,
          created: 419000,
          updated: 900,
          failed: 100,
          rowsPerSecond: 21000,
          secondsLeft: 28,
          failure: null,
          startedAt: "2026-12-03T17:00:00.000Z",
          finishedAt: null,
        },
      },
    },
    errors: "default",
  },
  {
    method: "get",
    path: "/api/imports/[ref]/errors",
    tag: "Imports API",
    summary: "An import's error report (CSV)",
    description: "The refused rows: row number, column, reason, in the language of `Accept-Language` (ru or en; ru by default). `;`-separated with a BOM.",
    auth: "apiKey",
    scope: "imports",
    parameters: [ref("The import's id")],
    responses: { 200: { description: "The report", contentType: "text/csv" } },
    errors: "default",
  },
];
