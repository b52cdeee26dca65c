// One autocannon scenario in its own process (bench/run.mjs spawns it), so the load generator never
// shares an event loop with the orchestrator. autocannon's CLI sends one fixed body; this runner uses
// its programmatic API with `setupRequest` and a counter, so every request carries its own body.
//   node bench/load-runner.mjs '<json: {url, scenario, duration, connections, sizes, gtins, nonce}>'
// Prints one JSON line: req/s, latency percentiles, errors, status codes, a few refused bodies.
import { randomUUID } from "node:crypto";
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

const result = await autocannon({
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
