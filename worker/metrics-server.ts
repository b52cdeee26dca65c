import { createServer, type Server } from "node:http";
import { logger } from "@/lib/logger";
import { metricsAnswer } from "@/lib/metrics/metrics-answer";

/**
 * A standalone worker has no web server: it answers GET /metrics on its own port, behind the same
 * METRICS_TOKEN as the portal's /api/metrics. Resolves once listening.
 */
export function startMetricsServer(port: number, host = "0.0.0.0"): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found: GET /metrics\n");
      return;
    }
    metricsAnswer(req.headers.authorization ?? null)
      .then((a) => res.writeHead(a.status, { "content-type": a.contentType, "cache-control": "no-store", ...a.headers }).end(a.body))
      .catch((error: unknown) => {
        logger.error({ err: error }, "worker metrics: could not answer");
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("error\n");
      });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      logger.info({ port }, "worker metrics listening on /metrics");
      resolve(server);
    });
  });
}
