import { matchesSecret } from "@/lib/crypto/hash-token";
import { env } from "@/lib/env";
import { collectGauges } from "@/lib/metrics/collect-gauges";
import { metrics } from "@/lib/metrics/metrics";

// One answer for GET /api/metrics and the worker's metrics port: never public. Unset METRICS_TOKEN
// turns metrics off (404), a missing or wrong token is 401.

export type MetricsAnswer = { status: number; contentType: string; body: string; headers?: Record<string, string> };

export function metricsTokenMatches(authorization: string | null, token = env.METRICS_TOKEN): boolean {
  return matchesSecret(authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim(), token);
}

export async function metricsAnswer(authorization: string | null): Promise<MetricsAnswer> {
  const text = "text/plain; charset=utf-8";
  if (!env.METRICS_TOKEN) return { status: 404, contentType: text, body: "metrics are off: set METRICS_TOKEN\n" };
  if (!metricsTokenMatches(authorization)) {
    return { status: 401, contentType: text, body: "unauthorized\n", headers: { "www-authenticate": 'Bearer realm="metrics"' } };
  }
  await collectGauges();
  const { registry } = metrics();
  return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
}
