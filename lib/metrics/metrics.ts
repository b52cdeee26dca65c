import client from "prom-client";

// Every metric the portal exports, in one registry per process. Kept on globalThis: Next may load this
// module more than once (route bundles, instrumentation with the in-process worker), and all of them
// must count into the same series. Scrape-time gauges (queue depths, circuits, pool) are filled by
// lib/metrics/collect-gauges.ts.

export type PortalMetrics = ReturnType<typeof create>;

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "imshop_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "imshop_http_requests_total",
      help: "API requests answered, by route, method and HTTP status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "imshop_http_request_duration_seconds",
      help: "Time from receiving an API request to its answer, by route, method and HTTP status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    deliveryAttempts: new client.Counter({
      name: "imshop_outbox_delivery_attempts_total",
      help: "Push attempts to IMSHOP by endpoint kind and outcome (delivered, failed, retry, retry_alert, dead, aborted…)",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    commitToReceipt: new client.Histogram({
      name: "imshop_outbox_commit_to_receipt_seconds",
      help: "From the status change's commit (delivery created) to IMSHOP acknowledging the push",
      labelNames: ["kind"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14400],
      registers,
    }),
    outboxDepth: new client.Gauge({
      name: "imshop_outbox_queue_depth",
      help: "Deliveries waiting to reach IMSHOP (state pending), by endpoint kind",
      labelNames: ["kind"] as const,
      registers,
    }),
    deliveriesByState: new client.Gauge({
      name: "imshop_outbox_deliveries",
      help: "Deliveries in the outbox log by endpoint kind and state (pending, delivered, failed, dead, superseded)",
      labelNames: ["kind", "state"] as const,
      registers,
    }),
    oldestPending: new client.Gauge({
      name: "imshop_outbox_oldest_pending_seconds",
      help: "Age of the oldest pending delivery, by endpoint kind (0 when none waits)",
      labelNames: ["kind"] as const,
      registers,
    }),
    circuitState: new client.Gauge({
      name: "imshop_outbox_circuit_state",
      help: "Circuit breaker per IMSHOP endpoint: 1 for the current mode (closed, open, half_open, paused), 0 for the others",
      labelNames: ["kind", "mode"] as const,
      registers,
    }),
    jobQueueDepth: new client.Gauge({
      name: "imshop_job_queue_depth",
      help: "graphile-worker jobs by state: ready (due, not taken), scheduled (due later), running (locked by a worker), failing (retried after an error)",
      labelNames: ["state"] as const,
      registers,
    }),
    dbPool: new client.Gauge({
      name: "imshop_db_pool_connections",
      help: "This process's database pool: in_use, idle, waiting (callers queued for a connection), max",
      labelNames: ["state"] as const,
      registers,
    }),
    scrapeErrors: new client.Counter({
      name: "imshop_metrics_collect_errors_total",
      help: "Scrapes whose database-backed gauges could not be read (the gauges keep their last values)",
      registers,
    }),
  };
}

const holder = globalThis as unknown as { __imshopMetrics?: PortalMetrics };

export function metrics(): PortalMetrics {
  return (holder.__imshopMetrics ??= create());
}

/** Called by lib/http/route.ts for every answer: two in-memory updates, nothing else. */
export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  const labels = { route, method, status: String(status) };
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}

/** Called by the worker after each push attempt. */
export function observeDeliveryAttempt(kind: string, outcome: string, committedAt: Date | null): void {
  const m = metrics();
  m.deliveryAttempts.inc({ kind, outcome });
  if (outcome === "delivered" && committedAt) m.commitToReceipt.observe({ kind }, Math.max(0, (Date.now() - committedAt.getTime()) / 1000));
}
