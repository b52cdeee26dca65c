import { z } from "zod";
import { errorBodySchema } from "@/lib/http/error-body.schema";
import { fieldErrorsSchema } from "@/lib/loyalty/loyalty.schema";
import type { Endpoint, ResponseSpec } from "@/lib/openapi/endpoint";
import { ENDPOINTS } from "@/lib/openapi/endpoints";
import pkg from "@/package.json";

// Writes the OpenAPI 3.1 document from ENDPOINTS and the same zod schemas the routes validate with:
// requests as the schemas accept them (io "input"), answers as they are produced (io "output").

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};
export type Operation = {
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema; example?: unknown }> }>;
};

export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // Refinements (e.g. "at most 2 decimals") cannot be written in JSON Schema; "any" keeps the rest.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  void _ignored;
  return rest;
}

const SECURITY_SCHEMES = {
  imshopKey: {
    type: "http",
    scheme: "bearer",
    description: "The key IMSHOP was given for the portal's webhooks, as `Authorization: Bearer <key>`, or as a `key` field in the JSON body.",
  },
  apiKeyHeader: { type: "apiKey", in: "header", name: "apikey", description: "A merchant API key issued in the dashboard (API keys page), with the endpoint's scope." },
  apiKeyBearer: { type: "http", scheme: "bearer", description: "The same API key as `Authorization: Bearer <key>`." },
  metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN from the portal's environment." },
};

const TAGS = [
  { name: "IMSHOP webhooks", description: "IMSHOP calls these (contract sections 1, 2.3 and 4)." },
  { name: "Loyalty API", description: "Tills call these (seed 002). Errors are `{\"<field>\": \"<message>\"}`, 401 `{\"apikey\": \"Invalid API key.\"}`." },
  { name: "Orders API", description: "The merchant's ERP or site calls these with an `orders` API key." },
  { name: "Offers API", description: "Tills and the site report redemptions with an `offers` API key." },
  { name: "Imports API", description: "An ERP uploads large CSV files (clients, offer codes, offer users, campaign GTINs) with an `imports` API key; they are imported in the background." },
  { name: "Operations", description: "Health, readiness and metrics for operators and load balancers." },
];

function security(e: Endpoint): Record<string, string[]>[] {
  if (e.auth === "imshop") return [{ imshopKey: [] }];
  if (e.auth === "apiKey") return [{ apiKeyHeader: [] }, { apiKeyBearer: [] }];
  if (e.auth === "metrics") return [{ metricsToken: [] }];
  return [];
}

function requestSchema(e: Endpoint): JsonSchema | undefined {
  if (!e.request) return undefined;
  const schema = toJsonSchema(e.request.schema, "input");
  if (e.auth === "imshop" && schema.properties && typeof schema.properties === "object") {
    schema.properties = { ...schema.properties, key: { type: "string", description: "IMSHOP's key, when it is not sent as a Bearer header" } };
  }
  return schema;
}

function errorResponses(e: Endpoint): Record<number | "default", ResponseSpec> {
  if (e.errors === "none") return {} as Record<number | "default", ResponseSpec>;
  if (e.errors === "fields") {
    const s = fieldErrorsSchema;
    return {
      401: { description: "Missing or wrong API key", schema: s, example: { apikey: "Invalid API key." } },
      413: { description: "Body over 64 KiB", schema: s },
      415: { description: "Not JSON", schema: s },
      422: { description: "Malformed JSON, a field failed validation, or a business rule refused", schema: s, example: { client: "Client not found." } },
      default: { description: "Any other error, in the same field-keyed shape", schema: s },
    };
  }
  const s = errorBodySchema;
  return {
    400: { description: "Empty or malformed JSON", schema: s },
    401: { description: "Missing or wrong key", schema: s },
    413: { description: "Body over 64 KiB", schema: s },
    415: { description: "Not JSON", schema: s },
    422: {
      description: "A field failed validation (`error.fields` names it)",
      schema: s,
      example: { success: false, error: { code: "validation", message: "Request body failed validation", fields: { userId: "Required" } }, requestId: "3b1f…" },
    },
    default: { description: "Any other error (404 unknown order, 409 conflict, 429, 500, 503) in the same shape", schema: s },
  };
}

function response(spec: ResponseSpec) {
  const type = spec.contentType ?? "application/json";
  if (!spec.schema && type !== "application/json") return { description: spec.description, content: { [type]: { schema: { type: "string" } } } };
  const schema = spec.schema ? toJsonSchema(spec.schema, "output") : { type: "object" };
  return { description: spec.description, content: { [type]: { schema, ...(spec.example === undefined ? {} : { example: spec.example }) } } };
}

/** The document's path of a route folder: `/api/imports/[ref]` is `/api/imports/{ref}`. */
export const documentPath = (routePath: string) => routePath.replace(/\[([^\]/]+)\]/g, "{$1}");

function parameters(e: Endpoint) {
  const list: Record<string, unknown>[] = [...(e.parameters ?? [])].map((p) => ({ ...p, required: p.in === "path" ? true : (p.required ?? false) }));
  if (e.idempotencyKey) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "1–255 characters. A retry with the same key and body returns the first answer instead of acting twice; another body with the key is refused (422).",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return list.length ? { parameters: list } : {};
}

function operation(e: Endpoint): Operation {
  const responses: Operation["responses"] = {};
  for (const [status, spec] of Object.entries({ ...errorResponses(e), ...e.responses })) responses[status] = response(spec);
  const body = requestSchema(e);
  const description = [e.description, e.scope ? `API key scope: \`${e.scope}\`.` : undefined].filter(Boolean).join("\n\n");
  return {
    tags: [e.tag],
    summary: e.summary,
    ...(description ? { description } : {}),
    operationId: `${e.method}${e.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    security: security(e),
    ...parameters(e),
    ...(body ? { requestBody: { required: true, content: { [e.request?.contentType ?? "application/json"]: { schema: body, ...(e.request?.example === undefined ? {} : { example: e.request.example }) } } } } : {}),
    responses,
  };
}

export function buildDocument(endpoints: Endpoint[] = ENDPOINTS): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const e of endpoints) (paths[documentPath(e.path)] ??= {})[e.method] = operation(e);
  return {
    openapi: "3.1.0",
    info: {
      title: "imshop-connect",
      version: pkg.version,
      description:
        "The merchant side of the IMSHOP integrations. Bodies are JSON (UTF-8, at most 64 KiB); timestamps are Unix seconds; " +
        "money is roubles with at most 2 decimals. Unknown extra fields are ignored. Every answer carries an `x-request-id` header.",
    },
    tags: TAGS,
    paths,
    components: { securitySchemes: SECURITY_SCHEMES },
  };
}

let cached: OpenApiDocument | undefined;

/** The document for this build; the schemas do not change while the process runs. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildDocument());
}
