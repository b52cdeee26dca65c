import { readdirSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildDocument, documentPath, toJsonSchema } from "@/lib/openapi/build-document";
import { ENDPOINTS } from "@/lib/openapi/endpoints";

const doc = buildDocument();
const root = path.resolve(__dirname, "../..");

// Route files under app/api and app/integration that integrators do not call: the dashboard's sign-in, and
// the bench's process stats (404 unless INTERNAL_STATS_TOKEN is set).
const NOT_DOCUMENTED = new Set(["/api/auth/{...nextauth}", "/api/internal/process-stats"]);

function routeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) found.push(full);
  }
  return found;
}

/** app/api/(group)/x/route.ts → /api/x: route groups are not part of the URL. */
function urlPath(file: string): string {
  const rel = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
  return documentPath("/" + rel.filter((seg) => !/^\(.*\)$/.test(seg)).join("/"));
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every listed endpoint, its auth scheme and error shapes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["apiKeyBearer", "apiKeyHeader", "imshopKey", "metricsToken"]);
    for (const e of ENDPOINTS) {
      const op = doc.paths[documentPath(e.path)]?.[e.method];
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      if (e.auth === "apiKey") expect(op.security).toEqual([{ apiKeyHeader: [] }, { apiKeyBearer: [] }]);
      if (e.auth === "imshop") expect(op.security).toEqual([{ imshopKey: [] }]);
      if (e.errors !== "none") expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "413", "415", "422", "default"]));
    }
  });

  it("is a valid OpenAPI 3.1 document (checked against the official schema)", async () => {
    // A deep copy: the validator dereferences in place.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it("describes the loyalty API's field-keyed errors and the Idempotency-Key header", () => {
    const retail = doc.paths["/integration/general/retail"].post;
    expect(retail.responses["422"].content?.["application/json"].schema).toMatchObject({ type: "object", additionalProperties: { type: "string" } });
    expect(retail.parameters).toEqual([expect.objectContaining({ name: "Idempotency-Key", in: "header" })]);
    expect(doc.paths["/integration/general/bonuses/hold"].post.parameters).toHaveLength(1);
    expect(doc.paths["/integration/general/client"].post.parameters).toBeUndefined();
    const orders = doc.paths["/api/orders"].post.responses["422"].content?.["application/json"].schema;
    expect(orders).toMatchObject({ properties: { success: { const: false }, requestId: { type: "string" } } });
  });

  it("takes request schemas from the validators (required fields, the IMSHOP body key)", () => {
    const scan = doc.paths["/api/imshop/scans"].post.requestBody?.content["application/json"].schema;
    expect(scan).toMatchObject({ required: ["barcode", "userId", "timestamp"], properties: { key: { type: "string" } } });
    const retail = doc.paths["/integration/general/retail"].post.requestBody?.content["application/json"].schema;
    expect(retail).toMatchObject({ required: expect.arrayContaining(["client", "point", "amount", "spend"]) });
  });

  it("has examples the validators accept and answers' examples the document accepts", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    for (const e of ENDPOINTS) {
      if (e.request?.example !== undefined) {
        const parsed = e.request.schema.safeParse(e.request.example);
        expect(parsed.success, `${e.path} request example: ${parsed.error?.message}`).toBe(true);
      }
      for (const [status, spec] of Object.entries(e.responses)) {
        if (spec.example === undefined || !spec.schema) continue;
        const validate = ajv.compile(toJsonSchema(spec.schema, "output"));
        expect(validate(spec.example), `${e.path} ${status} example: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it("documents every machine-called route under app/api and app/integration, and only existing ones", () => {
    const routes = [...routeFiles(path.join(root, "app/api")), ...routeFiles(path.join(root, "app/integration"))].map(urlPath);
    const missing = routes.filter((r) => !NOT_DOCUMENTED.has(r) && !(r in doc.paths));
    expect(missing, "add these to lib/openapi/endpoints.ts (or to NOT_DOCUMENTED if only the dashboard calls them)").toEqual([]);
    const stale = Object.keys(doc.paths).filter((p) => !routes.includes(p));
    expect(stale, "documented paths without a route file").toEqual([]);
  });
});
