import { z } from "zod";

// Answers of the health endpoints; shared by the routes and the OpenAPI document.

export const healthAnswerSchema = z.strictObject({
  status: z.enum(["ok", "error"]),
  database: z.enum(["ok", "unreachable"]),
  version: z.string(),
});

export const liveAnswerSchema = z.strictObject({ status: z.literal("ok"), version: z.string() });

export const READINESS_CHECKS = ["database", "migrations", "jobQueue"] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

export const readyAnswerSchema = z.strictObject({
  status: z.enum(["ok", "error"]),
  checks: z.strictObject({
    database: z.string().describe('"ok", or what is wrong'),
    migrations: z.string().describe('"ok", or which migrations are not applied'),
    jobQueue: z.string().describe('"ok", or "graphile_worker schema missing"'),
  }),
  failing: z.array(z.enum(READINESS_CHECKS)).describe("The checks that are not ok; empty when ready"),
});
export type ReadyAnswer = z.infer<typeof readyAnswerSchema>;
