import pino from "pino";
import { env } from "@/lib/env";
import { lazy } from "@/lib/util/lazy";

// JSON lines to stdout; request ids are bound per request by the route wrapper. Made on first use, since
// its level comes from the environment, which a build does not have.
export const logger = lazy(() =>
  pino({
    level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
    base: { service: "imshop-connect" },
    redact: {
      paths: ["*.password", "*.key", "*.apikey", "*.authorization", "req.headers.authorization", "req.headers.apikey"],
      censor: "[redacted]",
    },
  }),
);

export type Logger = typeof logger;
