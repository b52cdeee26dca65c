// One autocannon scenario in its own process (bench/run.mjs spawns it), so the load generator never
// shares an event loop with the orchestrator. autocannon's CLI sends one fixed body; this runner uses
// its programmatic API with `setupRequest` and a counter, so every request carries its own body.
//   node bench/load-runner.mjs '<json: {url, scenario, duration, connections, sizes, gtins, nonce}>'
// Prints one JSON line: req/s, latency percentiles, errors, status codes, a few refused bodies.
import { randomUUID } from "node:crypto";
import http from "node:http";
import autocannon from "autocannon";
import { scenarios } from "./lib/scenarios.mjs";

const config = JSON.parse(process.argv[2]);
const scenario = scenarios(config)[config.scenario];
if (!scenario) throw new Error(`unknown scenario ${config.scenario}`);

let counter = 0;
const refusals = [];

const request = {
  method: scenario.method,
  path: scenario.path,
  headers: scenario.headers ?? {},
  setupRequest: (req) => {
    const k = counter++;
    const out = { ...req };
    if (scenario.body) out.body = JSON.stringify(scenario.body(k));
    if (scenario.idempotent) out.headers = { ...req.headers, "idempotency-key": randomUUID() };
    return out;
  },
  onResponse: (status, body) => {
    if ((status < 200 || status > 299) && refusals.length < 5) refusals.push({ status, body: String(body).slice(0, 300) });
  },
};

const result = scenario.rate
  ? await paced()
  : await autocannon({
      url: config.url,
      connections: config.connections,
      duration: config.duration,
      requests: [request],
      // A request that waits 10 s is an error worth counting, not a latency to average in.
      timeout: 10,
    });

const lat = result.latency;
const out = {
  scenario: config.scenario,
  info: scenario.info,
  connections: config.connections,
  rate: scenario.rate ?? null,
  duration: result.duration,
  total: result.requests.total,
  rps: result.requests.total / result.duration,
  p50: lat.p50,
  p90: lat.p90,
  p99: lat.p99,
  max: lat.max,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  refusals,
};
process.stdout.write(`${JSON.stringify(out)}\n`);

/**
 * Open loop at `scenario.rate` req/s, evenly spaced, over at most `connections` keep-alive sockets.
 * autocannon's own rate limit sends each second's quota in a burst at the second's start, which
 * measures queueing behind the burst rather than the latency a steady stream of tills sees.
 * Latency is counted from the moment a request was due, so a slow server cannot hide its backlog.
 */
async function paced() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: config.connections });
  const url = new URL(scenario.path, config.url);
  const total = Math.round(scenario.rate * config.duration);
  const latencies = [];
  const statusCodes = {};
  let errors = 0;
  let timeouts = 0;
  const started = performance.now();
  const sendOne = (due) =>
    new Promise((resolve) => {
      const built = request.setupRequest({ headers: { ...request.headers } });
      const body = built.body ?? "";
      const req = http.request(
        url,
        { method: scenario.method, agent, headers: { ...built.headers, "content-length": Buffer.byteLength(body) }, timeout: 10_000 },
        (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => {
            latencies.push(performance.now() - due);
            statusCodes[res.statusCode] = (statusCodes[res.statusCode] ?? 0) + 1;
            request.onResponse(res.statusCode, text);
            resolve();
          });
        },
      );
      let timedOut = false;
      req.on("timeout", () => ((timedOut = true), req.destroy()));
      req.on("error", () => {
        if (timedOut) timeouts++;
        else errors++;
        resolve();
      });
      req.end(body);
    });
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / scenario.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(sendOne(due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]) : null);
  const non2xx = Object.entries(statusCodes).reduce((n, [code, count]) => n + (code.startsWith("2") ? 0 : count), 0);
  return {
    duration: (performance.now() - started) / 1000,
    requests: { total: latencies.length },
    latency: { p50: at(50), p90: at(90), p99: at(99), max: at(100) },
    errors,
    timeouts,
    non2xx,
    statusCodeStats: Object.fromEntries(Object.entries(statusCodes).map(([code, count]) => [code, { count }])),
  };
}
