import { checkAnswerAgainstDocument } from "./openapi-check";

// Calls an App Router handler in-process, as Next would, without starting a server. Answers of
// documented routes are checked against the OpenAPI document (set `unchecked` to skip, e.g. when a
// test breaks the database on purpose).
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body): for malformed-JSON tests. */
  rawBody?: string;
  headers?: Record<string, string>;
  method?: string;
  params?: Record<string, string>;
  url?: string;
  unchecked?: boolean;
};

export async function callRoute(handler: Handler, opts: CallOptions = {}) {
  const text = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const req = new Request(opts.url ?? "http://localhost/test", {
    method: opts.method ?? "POST",
    headers: { "content-type": "application/json", ...(opts.headers ?? {}) },
    body: text,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const raw = await res.text();
  let json: unknown = undefined;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    json = raw;
  }
  if (!opts.unchecked) await checkAnswerAgainstDocument(handler, res.status, res.headers.get("content-type"), json);
  // Tests assert on arbitrary response shapes; a loose type keeps them readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, json: json as any, text: raw };
}
