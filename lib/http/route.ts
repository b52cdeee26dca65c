import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/http/app-error";
import { ERROR_STATUS } from "@/lib/http/error-status";
import { readJson, MAX_BODY_BYTES } from "@/lib/http/read-json";
import { zodFields } from "@/lib/http/zod-fields";
import { findUnstorableText } from "@/lib/http/storable-text";
import { logger, type Logger } from "@/lib/logger";
import { observeRequest } from "@/lib/metrics/metrics";

/**
 * How errors are shaped for a family of endpoints:
 * - "default": `{ success: false, error: { code, message, fields? }, requestId }`
 * - "fields": the loyalty API's `{ "<field>": "<message>" }` (seed 002)
 */
export type ErrorFormat = "default" | "fields";

export type RouteContext<TBody, TAuth> = {
  req: Request;
  body: TBody;
  auth: TAuth;
  requestId: string;
  log: Logger;
  params: Record<string, string | string[]>;
};

type Options<S extends z.ZodType | undefined, TAuth> = {
  /** zod schema for the JSON body; omit for endpoints without one. */
  body?: S;
  /** Authenticates the request; receives the raw parsed JSON because IMSHOP may send its key in the body. */
  auth?: (req: Request, rawBody: unknown) => Promise<TAuth> | TAuth;
  errorFormat?: ErrorFormat;
  maxBytes?: number;
  /** Status family for an empty or malformed JSON body: 400 by default; the loyalty API's contract wants 422. */
  malformedJsonCode?: "bad_request" | "validation";
};

type Handler<TBody, TAuth> = (ctx: RouteContext<TBody, TAuth>) => Promise<Response | unknown>;

/** Wraps a route handler: request id → read body → authenticate → validate → handler → one error table. */
export function route<S extends z.ZodType | undefined = undefined, TAuth = undefined>(
  opts: Options<S, TAuth>,
  handler: Handler<S extends z.ZodType ? z.infer<S> : undefined, TAuth>,
) {
  return async (req: Request, segment?: { params?: Promise<Record<string, string | string[]>> }) => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    const path = new URL(req.url).pathname;
    const log = logger.child({ requestId, method: req.method, path });
    const started = performance.now();
    let params: Record<string, string | string[]> = {};
    let response: Response;
    try {
      // A caller with a wrong key hears 401 even when its body is also broken: authenticate first.
      let raw: unknown = undefined;
      let readError: unknown = null;
      if (opts.body) raw = await readJson(req, opts.maxBytes ?? MAX_BODY_BYTES).catch((e) => ((readError = e), undefined));
      const auth = opts.auth ? await opts.auth(req, raw) : (undefined as TAuth);
      if (readError) throw remapMalformed(readError, opts.malformedJsonCode);
      let body: unknown = undefined;
      if (opts.body) {
        const parsed = opts.body.safeParse(raw);
        if (!parsed.success) {
          throw new AppError("validation", "Request body failed validation", { fields: zodFields(parsed.error) });
        }
        // Checked on what validation kept: unknown extra fields are ignored, not refused.
        const problem = findUnstorableText(parsed.data);
        if (problem) {
          throw new AppError("validation", "Request body failed validation", { fields: { [problem.path]: problem.message } });
        }
        body = parsed.data;
      }
      params = (await segment?.params) ?? {};
      const result = await handler({ req, body: body as never, auth, requestId, log, params });
      response = result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      response = errorResponse(error, opts.errorFormat ?? "default", requestId, log);
    }
    response.headers.set("x-request-id", requestId);
    const ms = performance.now() - started;
    observeRequest(routeLabel(path, params), req.method, response.status, ms / 1000);
    log.info({ status: response.status, ms: Math.round(ms) }, "request");
    return response;
  };
}

/** The route pattern for metrics labels: parameter values put back as `[name]`, so ids do not become series. */
function routeLabel(path: string, params: Record<string, string | string[]>): string {
  let label = path;
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) label = label.replace(`/${encodeURIComponent(v)}`, `/[${name}]`);
  }
  return label;
}

function remapMalformed(error: unknown, code: "bad_request" | "validation" | undefined): unknown {
  if (!code || !isAppError(error) || error.code !== "bad_request") return error;
  return new AppError(code, error.message, { fields: error.fields, headers: error.headers });
}

export function errorResponse(error: unknown, format: ErrorFormat, requestId: string, log: Logger): Response {
  const appError = isAppError(error) ? error : null;
  if (!appError) log.error({ err: error }, "unhandled error");
  const code = appError?.code ?? "internal";
  const status = ERROR_STATUS[code];
  const message = appError?.message ?? "Internal error; quote the request id to support";
  const headers = appError?.headers ?? {};
  if (format === "fields") {
    const fields = appError?.fields ?? { error: message };
    return NextResponse.json(fields, { status, headers });
  }
  return NextResponse.json(
    { success: false, error: { code, message, ...(appError?.fields ? { fields: appError.fields } : {}) }, requestId },
    { status, headers },
  );
}
