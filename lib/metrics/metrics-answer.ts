import { timingSafeEqual, createHash } from "node:crypto";
import { env } from "@/lib/env";
import { collectGauges } from "@/lib/metrics/collect-gauges";
import { metrics } from "@/lib/metrics/metrics";

// One answer for GET /api/metrics and the worker's metrics port: never public. Unset METRICS_TOKEN
// turns metrics off (404), a missing or wrong token is 401.

export type MetricsAnswer = { status: number; contentType: string; body: string; headers?: Record<string, string> };

const digest = (v: string) => createHash("sha256").update(v).digest();

export function metricsTokenMatches(authorization: string | null, token = env.METRICS_TOKEN): boolean {
  if (!token) return false;
  const presented = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  // Hashing first makes both sides the same length, so the comparison time says nothing about the token.
  return !!presented && timingSafeEqual(digest(presented), digest(token));
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
