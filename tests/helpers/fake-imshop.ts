// A fake IMSHOP for tests: records every push it receives and answers as told.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMode =
  | 200
  | 204
  | 302
  | 400
  | 401
  | 403
  | 404
  | 408
  | 429
  | 500
  | 503
  /** Never answers (the client's timeout must fire). */
  | "hang"
  /** Destroys the socket without an answer. */
  | "drop"
  /** 429 with `Retry-After: <seconds>` (default 1). */
  | { status: 429; retryAfter: string | number }
  /** Any answer spelled out. */
  | { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number };

export type FakeRequest = {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
  at: number;
};

export type Responder = FakeMode | ((req: FakeRequest) => FakeMode);

export type FakeImshop = {
  url: string;
  port: number;
  requests: FakeRequest[];
  /** Sets how a path (or every path without its own rule) answers from now on. */
  respondWith: (mode: Responder, path?: string) => void;
  waitFor: (predicate: (requests: FakeRequest[]) => boolean, timeoutMs?: number) => Promise<FakeRequest[]>;
  close: () => Promise<void>;
};

/** The uuid the fake IMSHOP gives an order: stable per order id, different between orders, as IMSHOP's are. */
export function fakeOrderUuid(id: string): string {
  const h = createHash("sha1").update(id).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** IMSHOP's answer to an order status push (seed 001). */
export function orderStatusAnswer(req: FakeRequest) {
  const body = (req.body ?? {}) as { id?: string; code?: string; message?: string };
  return {
    success: true,
    internalId: body.id ?? "",
    uuid: fakeOrderUuid(body.id ?? ""),
    newStatus: body.code ?? "",
    imshopStatus: "ready_for_pickup",
    message: body.message ?? "",
  };
}

export async function startFakeImshop({ port = 0 }: { port?: number } = {}): Promise<FakeImshop> {
  const requests: FakeRequest[] = [];
  const rules = new Map<string, Responder>();
  const sockets = new Set<import("node:net").Socket>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* keep the raw text */
      }
      const path = (req.url ?? "/").split("?")[0];
      const record: FakeRequest = { path, method: req.method ?? "", headers: req.headers, body, at: Date.now() };
      requests.push(record);
      const rule = rules.get(path) ?? rules.get("*") ?? defaultMode(path);
      const mode = typeof rule === "function" ? rule(record) : rule;
      answer(mode, record, req, res);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    respondWith: (mode, path = "*") => void rules.set(path, mode),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > until) throw new Error(`fake IMSHOP: condition not met in ${timeoutMs} ms (${requests.length} requests)`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return requests;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const defaultMode = (path: string): FakeMode => (path === "/order-status" ? 200 : 204);

function answer(mode: FakeMode, record: FakeRequest, req: http.IncomingMessage, res: http.ServerResponse) {
  if (mode === "hang") return;
  if (mode === "drop") {
    req.socket.destroy();
    return;
  }
  if (typeof mode === "number") {
    if (mode === 200 && record.path === "/order-status") return json(res, 200, orderStatusAnswer(record));
    if (mode === 204) return void res.writeHead(204).end();
    if (mode === 302) return void res.writeHead(302, { location: "/moved-here" }).end();
    if (mode === 429) return json(res, 429, { error: "slow down" }, { "retry-after": "1" });
    return json(res, mode, mode < 300 ? { ok: true } : { error: `fake ${mode}` });
  }
  if (!("body" in mode) && "retryAfter" in mode) {
    return json(res, 429, { error: "slow down" }, { "retry-after": String(mode.retryAfter) });
  }
  const spelled = mode as { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number };
  const send = () => {
    if (spelled.body === undefined) return void res.writeHead(spelled.status, spelled.headers).end();
    if (typeof spelled.body === "string") return void res.writeHead(spelled.status, spelled.headers).end(spelled.body);
    json(res, spelled.status, spelled.body, spelled.headers);
  };
  if (spelled.delayMs) setTimeout(send, spelled.delayMs);
  else send();
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
}
