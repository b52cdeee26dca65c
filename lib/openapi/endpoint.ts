import type { z } from "zod";

// The description of one machine-called endpoint, from which lib/openapi/build-document.ts writes the document.

/** Who may call: IMSHOP's shared key, a merchant API key with a scope, the metrics token, or anyone. */
export type EndpointAuth = "imshop" | "apiKey" | "metrics" | "none";

/** Which error shape the endpoint answers with (lib/http/route.ts ErrorFormat), or none (not wrapped by route()). */
export type ErrorFamily = "default" | "fields" | "none";

export type ResponseSpec = {
  description: string;
  schema?: z.ZodType;
  /** application/json unless said otherwise (metrics answer text/plain). */
  contentType?: string;
  example?: unknown;
};

export type Endpoint = {
  method: "get" | "post";
  /** The URL path, which is also the route file's folder under app/ (tests check both ways). */
  path: string;
  tag: "IMSHOP webhooks" | "Loyalty API" | "Orders API" | "Offers API" | "Imports API" | "Operations";
  summary: string;
  description?: string;
  auth: EndpointAuth;
  /** The API key scope the endpoint needs (auth "apiKey"). */
  scope?: "loyalty" | "orders" | "offers" | "imports";
  idempotencyKey?: boolean;
  /** Query and path parameters; a `[name]` folder in `path` is documented as the path parameter `{name}`. */
  parameters?: { name: string; in: "query" | "path"; required?: boolean; description: string; schema: Record<string, unknown> }[];
  /** application/json unless said otherwise (an import's body is text/csv). */
  request?: { schema: z.ZodType; example?: unknown; contentType?: string };
  responses: Record<number, ResponseSpec>;
  errors: ErrorFamily;
};
