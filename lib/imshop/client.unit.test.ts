import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushHeaders, sendImshopPush, STORED_BODY_BYTES } from "@/lib/imshop/client";

let server: http.Server;
let base: string;
const seen: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ path: req.url ?? "", headers: req.headers, body });
      if (req.url === "/big") return void res.writeHead(500).end("я".repeat(10_000));
      if (req.url === "/redirect") return void res.writeHead(307, { location: "/elsewhere" }).end();
      if (req.url === "/hang") return;
      if (req.url === "/busy") return void res.writeHead(503, { "retry-after": "12" }).end();
      res.writeHead(200, { "content-type": "application/json" }).end('{"success":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const push = (path: string, over: Partial<Parameters<typeof sendImshopPush>[0]> = {}) =>
  sendImshopPush({ url: `${base}${path}`, body: { id: "1" }, key: "k-123", header: "Authorization", timeoutMs: 2000, ...over });

describe("sendImshopPush", () => {
  it("posts JSON with the key as a bearer token and returns the answer", async () => {
    const res = await push("/ok");
    expect(res).toMatchObject({ status: 200, error: null, fullBody: '{"success":true}' });
    const req = seen[seen.length - 1];
    expect(req.headers.authorization).toBe("Bearer k-123");
    expect(req.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(req.body)).toEqual({ id: "1" });
  });

  it("cuts the stored body to 4 KiB without breaking a character", async () => {
    const res = await push("/big");
    expect(res.status).toBe(500);
    expect(Buffer.byteLength(res.body!.replace("…[truncated]", ""))).toBeLessThanOrEqual(STORED_BODY_BYTES);
    expect(res.body).toMatch(/^я+…\[truncated\]$/);
  });

  it("does not follow redirects", async () => {
    const before = seen.length;
    const res = await push("/redirect");
    expect(res).toMatchObject({ status: 307, location: "/elsewhere" });
    expect(seen.slice(before).map((r) => r.path)).toEqual(["/redirect"]);
  });

  it("times out", async () => {
    const res = await push("/hang", { timeoutMs: 200 });
    expect(res).toMatchObject({ status: null, error: "timeout after 200 ms" });
    expect(res.latencyMs).toBeGreaterThanOrEqual(150);
  });

  it("reports a refused connection as an error, never throws", async () => {
    const res = await sendImshopPush({ url: "http://127.0.0.1:1/x", body: {}, key: null, header: "Authorization", timeoutMs: 2000 });
    expect(res.status).toBeNull();
    expect(res.error).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it("reads Retry-After", async () => {
    expect((await push("/busy")).retryAfterMs).toBe(12_000);
  });
});

describe("pushHeaders", () => {
  it("puts the raw key in a custom header", () => {
    expect(pushHeaders({ key: "abc", header: "X-Api-Key" })["X-Api-Key"]).toBe("abc");
  });
  it("sends no key header when none is configured", () => {
    expect(Object.keys(pushHeaders({ key: null, header: "Authorization" }))).not.toContain("authorization");
  });
});
