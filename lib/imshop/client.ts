import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { parseRetryAfter } from "@/lib/outbox/response-policy";
import { guardedLookup, pushUrlProblem } from "@/lib/imshop/url-guard";

/** What is kept of IMSHOP's answer in the delivery log. */
export const STORED_BODY_BYTES = 4096;
// Enough for any JSON answer IMSHOP sends; anything longer is not read further.
const READ_BODY_BYTES = 65536;

export type PushRequest = {
  url: string;
  body: unknown;
  /** The key IMSHOP issued; omitted when none is configured. */
  key: string | null;
  /** `Authorization` gets `Bearer <key>`; any other header carries the raw key. */
  header: string;
  timeoutMs: number;
  /** Aborts the request early, e.g. when the worker shuts down. */
  signal?: AbortSignal;
};

export type PushResponse = {
  status: number | null;
  /** The answer, cut to STORED_BODY_BYTES. */
  body: string | null;
  /** The whole answer when it fitted in READ_BODY_BYTES, for parsing. */
  fullBody: string | null;
  latencyMs: number;
  error: string | null;
  retryAfterMs: number | null;
  location: string | null;
};

/** Sends one push to IMSHOP. Never throws: every failure comes back as `error`. Redirects are not followed. */
export async function sendImshopPush(req: PushRequest): Promise<PushResponse> {
  const started = performance.now();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout.signal, req.signal]) : timeout.signal;
  const base = { status: null, body: null, fullBody: null, retryAfterMs: null, location: null };
  try {
    const problem = pushUrlProblem(req.url);
    if (problem) return { ...base, latencyMs: elapsed(started), error: `refused: ${problem}` };
    const res = await guardedPost(new URL(req.url), pushHeaders(req), JSON.stringify(req.body), signal);
    const { text, complete } = await readLimited(res, READ_BODY_BYTES);
    return {
      status: res.status,
      body: truncate(text, STORED_BODY_BYTES),
      fullBody: complete ? text : null,
      latencyMs: elapsed(started),
      error: null,
      retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
      location: res.headers.get("location"),
    };
  } catch (error) {
    const message = timeout.signal.aborted
      ? `timeout after ${req.timeoutMs} ms`
      : req.signal?.aborted
        ? "aborted: the worker is stopping"
        : describeNetworkError(error);
    return { ...base, latencyMs: elapsed(started), error: message };
  } finally {
    clearTimeout(timer);
  }
}

export function pushHeaders(req: Pick<PushRequest, "key" | "header">): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    accept: "application/json",
    "user-agent": "imshop-connect",
  };
  if (req.key) {
    const isAuthorization = req.header.toLowerCase() === "authorization";
    headers[isAuthorization ? "authorization" : req.header] = isAuthorization ? `Bearer ${req.key}` : req.key;
  }
  return headers;
}

// Kept-alive connections, as fetch had; each was opened to an address the guard checked.
const agents = { "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }), "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/**
 * POST through node:http with the SSRF guard as the DNS lookup (fetch cannot take one without an extra
 * dependency). Redirects are not followed; the answer comes back as a web Response.
 */
function guardedPost(url: URL, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<Response> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        agent: agents[url.protocol as "http:" | "https:"],
        lookup: guardedLookup(),
        signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        const noBody = status === 204 || status === 205 || status === 304 || status < 200;
        if (noBody) res.resume();
        try {
          resolve(new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status: Math.max(status, 200), headers: responseHeaders }));
        } catch (error) {
          res.destroy();
          reject(error);
        }
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function readLimited(res: Response, limit: number): Promise<{ text: string; complete: boolean }> {
  if (!res.body) return { text: "", complete: true };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      complete = false;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  return { text, complete };
}

function truncate(text: string, bytes: number): string {
  const buf = Buffer.from(text, "utf8");
  if (buf.byteLength <= bytes) return text;
  // The decoder drops a multi-byte character cut in half instead of failing.
  return `${new TextDecoder().decode(buf.subarray(0, bytes)).replace(/\uFFFD$/, "")}…[truncated]`;
}

function describeNetworkError(error: unknown): string {
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  const message = err.message ?? String(error);
  return cause ? `${message}: ${cause}` : message;
}

const elapsed = (started: number) => Math.max(0, Math.round(performance.now() - started));
