// How IMSHOP's answer to one push decides what happens next (contract 1.3, applied to 2.1 as well).

export type AttemptOutcome =
  /** 2xx: IMSHOP has it. */
  | { kind: "delivered" }
  /** 400, 404 and other 4xx: retrying the same body cannot help; kept for admins, replayable. */
  | { kind: "failed" }
  /** The endpoint is down or busy: network error, timeout, 408, 429, 5xx. */
  | { kind: "retry" }
  /** Our configuration is wrong (401/403 key, 3xx URL moved): retry with back-off and alert admins. */
  | { kind: "retry_alert"; alert: string };

export type PushResult = {
  status: number | null;
  error: string | null;
  location?: string | null;
};

export function classifyAttempt(result: PushResult): AttemptOutcome {
  const { status } = result;
  if (status === null) return { kind: "retry" };
  if (status >= 200 && status < 300) return { kind: "delivered" };
  if (status === 401 || status === 403) {
    return { kind: "retry_alert", alert: `IMSHOP answered ${status}: check the outbound key, its header and the push URL` };
  }
  // Redirects are never followed (the key must not travel to another host); a moved endpoint is a
  // configuration problem an admin fixes, so it alerts and keeps retrying like a bad key does.
  if (status >= 300 && status < 400) {
    const where = result.location ? ` to ${result.location}` : "";
    return { kind: "retry_alert", alert: `IMSHOP answered ${status} (redirect${where}): update the push URL` };
  }
  if (status === 408 || status === 429) return { kind: "retry" };
  if (status >= 400 && status < 500) return { kind: "failed" };
  return { kind: "retry" };
}

/** Whether an outcome counts against the endpoint's circuit breaker. */
export const countsAsEndpointFailure = (outcome: AttemptOutcome) =>
  outcome.kind === "retry" || outcome.kind === "retry_alert";

/**
 * Capped exponential back-off with full jitter (AWS architecture blog): a random delay in
 * [0, min(max, base · 2^(attempt-1))], so many failing deliveries do not retry in lock-step.
 */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.floor(random() * exp);
}

const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** `Retry-After` as delta-seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** When to try again: IMSHOP's Retry-After when it gave one, else the jittered back-off. */
export function nextDelayMs(opts: {
  attempt: number;
  retryAfterMs: number | null;
  baseMs: number;
  maxMs: number;
  random?: () => number;
}): number {
  if (opts.retryAfterMs !== null) return opts.retryAfterMs;
  return backoffDelayMs(opts.attempt, opts.baseMs, opts.maxMs, opts.random);
}
