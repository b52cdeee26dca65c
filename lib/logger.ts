import pino from "pino";
import { env } from "@/lib/env";

// JSON lines to stdout; request ids are bound per request by the route wrapper.
export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { service: "imshop-connect" },
  redact: {
    paths: ["*.password", "*.key", "*.apikey", "*.authorization", "req.headers.authorization", "req.headers.apikey"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
