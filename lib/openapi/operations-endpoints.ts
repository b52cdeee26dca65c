import { healthAnswerSchema, liveAnswerSchema, readyAnswerSchema } from "@/lib/health/health.schema";
import type { Endpoint } from "@/lib/openapi/endpoint";

// The operators' endpoints (health, readiness, metrics, the document itself), listed in ENDPOINTS.
export const OPERATIONS_ENDPOINTS: Endpoint[] = [
  {
    method: "get",
    path: "/api/health",
    tag: "Operations",
    summary: "Health: the process answers and the database is reachable",
    auth: "none",
    responses: {
      200: { description: "Healthy", schema: healthAnswerSchema },
      503: { description: "The database does not answer", schema: healthAnswerSchema },
    },
    errors: "none",
  },
  {
    method: "get",
    path: "/api/health/live",
    tag: "Operations",
    summary: "Liveness: the process answers (no dependencies checked)",
    auth: "none",
    responses: { 200: { description: "Alive", schema: liveAnswerSchema } },
    errors: "none",
  },
  {
    method: "get",
    path: "/api/health/ready",
    tag: "Operations",
    summary: "Readiness: database reachable, migrations current, job-queue schema present",
    auth: "none",
    responses: {
      200: { description: "Ready to serve", schema: readyAnswerSchema },
      503: { description: "Not ready; `failing` names what is wrong", schema: readyAnswerSchema },
    },
    errors: "none",
  },
  {
    method: "get",
    path: "/api/metrics",
    tag: "Operations",
    summary: "Prometheus metrics (text format)",
    description: "Needs `Authorization: Bearer <METRICS_TOKEN>`. Answers 404 when METRICS_TOKEN is not set.",
    auth: "metrics",
    responses: {
      200: { description: "Prometheus text exposition format 0.0.4", contentType: "text/plain" },
      401: { description: "Missing or wrong token", contentType: "text/plain" },
      404: { description: "Metrics are off (METRICS_TOKEN unset)", contentType: "text/plain" },
    },
    errors: "none",
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Operations",
    summary: "This document",
    auth: "none",
    responses: { 200: { description: "OpenAPI 3.1 document" } },
    errors: "none",
  },
];
