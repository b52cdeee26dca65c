import { metricsAnswer } from "@/lib/metrics/metrics-answer";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint, behind METRICS_TOKEN (see lib/metrics/metrics-answer.ts). */
export async function GET(req: Request) {
  const answer = await metricsAnswer(req.headers.get("authorization"));
  return new Response(answer.body, {
    status: answer.status,
    headers: { "content-type": answer.contentType, "cache-control": "no-store", ...answer.headers },
  });
}
