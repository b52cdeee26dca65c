import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { POST as registerScan } from "@/app/api/imshop/scans/route";
import { env } from "@/lib/env";
import { deliverDelivery } from "@/lib/outbox/deliver-delivery";
import { startMetricsServer } from "@/worker/metrics-server";
import { callRoute } from "../helpers/call-route";
import { enqueueFreshScan, withOutboxFake } from "../helpers/outbox-kit";

const TOKEN = "metrics-test-token-0123456789";
const original = env.METRICS_TOKEN;
const scrape = (authorization?: string) => GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

/** `name{labels} value` lines → value, for lookups by the exact series text. */
function series(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe("GET /api/metrics", () => {
  withOutboxFake();
  beforeAll(() => {
    env.METRICS_TOKEN = TOKEN;
  });
  afterAll(() => {
    env.METRICS_TOKEN = original;
  });

  it("is never public: 401 without or with a wrong token, 404 when METRICS_TOKEN is unset", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-wrong-token")).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);
    env.METRICS_TOKEN = undefined;
    try {
      expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      env.METRICS_TOKEN = TOKEN;
    }
  });

  it("exports every metric with its type, in Prometheus text format", async () => {
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const types: Record<string, string> = {
      imshop_http_requests_total: "counter",
      imshop_http_request_duration_seconds: "histogram",
      imshop_outbox_delivery_attempts_total: "counter",
      imshop_outbox_commit_to_receipt_seconds: "histogram",
      imshop_outbox_queue_depth: "gauge",
      imshop_outbox_deliveries: "gauge",
      imshop_outbox_oldest_pending_seconds: "gauge",
      imshop_outbox_circuit_state: "gauge",
      imshop_job_queue_depth: "gauge",
      imshop_db_pool_connections: "gauge",
      imshop_metrics_collect_errors_total: "counter",
      imshop_process_cpu_seconds_total: "counter",
    };
    for (const [name, type] of Object.entries(types)) expect(text, name).toContain(`# TYPE ${name} ${type}`);
    const values = series(text);
    expect(values.get(`imshop_db_pool_connections{state="max"}`)).toBe(env.DATABASE_POOL_SIZE);
    expect(values.get(`imshop_outbox_circuit_state{kind="order_status",mode="closed"}`)).toBe(1);
    expect(values.get(`imshop_outbox_circuit_state{kind="order_status",mode="open"}`)).toBe(0);
  });

  it("counts API requests per route and status, with their latency", async () => {
    const before = series(await (await scrape(`Bearer ${TOKEN}`)).text());
    const key = `{route="/api/imshop/scans",method="POST",status="401"}`;
    await callRoute(registerScan, { url: "http://localhost/api/imshop/scans", body: { barcode: "x", userId: "u", timestamp: 1 } });
    const after = series(await (await scrape(`Bearer ${TOKEN}`)).text());
    expect(after.get(`imshop_http_requests_total${key}`)).toBe((before.get(`imshop_http_requests_total${key}`) ?? 0) + 1);
    expect(after.get(`imshop_http_request_duration_seconds_count${key}`)).toBe((before.get(`imshop_http_request_duration_seconds_count${key}`) ?? 0) + 1);
  });

  it("reports the outbox: queue depth and jobs while pending, then the outcome and commit-to-receipt lag", async () => {
    const { id } = await enqueueFreshScan();
    const pending = series(await (await scrape(`Bearer ${TOKEN}`)).text());
    expect(pending.get(`imshop_outbox_queue_depth{kind="scan_status"}`)).toBe(1);
    expect(pending.get(`imshop_outbox_oldest_pending_seconds{kind="scan_status"}`)).toBeGreaterThanOrEqual(0);
    expect(pending.get(`imshop_job_queue_depth{state="ready"}`)).toBeGreaterThanOrEqual(1);

    const delivered = `{kind="scan_status",outcome="delivered"}`;
    const before = pending.get(`imshop_outbox_delivery_attempts_total${delivered}`) ?? 0;
    const lagBefore = pending.get(`imshop_outbox_commit_to_receipt_seconds_count{kind="scan_status"}`) ?? 0;
    const result = await deliverDelivery({ deliveryId: id });
    expect(result).toMatchObject({ sent: true, outcome: "delivered" });

    const after = series(await (await scrape(`Bearer ${TOKEN}`)).text());
    expect(after.get(`imshop_outbox_delivery_attempts_total${delivered}`)).toBe(before + 1);
    expect(after.get(`imshop_outbox_commit_to_receipt_seconds_count{kind="scan_status"}`)).toBe(lagBefore + 1);
    expect(after.get(`imshop_outbox_queue_depth{kind="scan_status"}`)).toBe(0);
    expect(after.get(`imshop_outbox_deliveries{kind="scan_status",state="delivered"}`)).toBe(1);
  });
});

describe("the worker's metrics port", () => {
  let server: Awaited<ReturnType<typeof startMetricsServer>>;
  let base: string;
  beforeAll(async () => {
    env.METRICS_TOKEN = TOKEN;
    server = await startMetricsServer(0, "127.0.0.1");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    env.METRICS_TOKEN = TOKEN;
  });
  afterAll(async () => {
    env.METRICS_TOKEN = original;
    await new Promise((r) => server.close(r));
  });

  it("serves /metrics behind the same token", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("# TYPE imshop_outbox_delivery_attempts_total counter");
    expect((await fetch(`${base}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    env.METRICS_TOKEN = undefined;
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});
