import { describe, expect, it } from "vitest";
import { backoffDelayMs, classifyAttempt, countsAsEndpointFailure, nextDelayMs, parseRetryAfter } from "@/lib/outbox/response-policy";

describe("classifyAttempt (contract 1.3)", () => {
  it.each([200, 201, 204])("%i is delivered", (status) => {
    expect(classifyAttempt({ status, error: null }).kind).toBe("delivered");
  });
  it.each([400, 404, 405, 410, 422])("%i fails permanently without retry", (status) => {
    expect(classifyAttempt({ status, error: null }).kind).toBe("failed");
  });
  it.each([401, 403])("%i retries and raises a configuration alert", (status) => {
    const outcome = classifyAttempt({ status, error: null });
    expect(outcome.kind).toBe("retry_alert");
    expect(countsAsEndpointFailure(outcome)).toBe(true);
  });
  it.each([408, 429, 500, 502, 503, 504])("%i retries", (status) => {
    expect(classifyAttempt({ status, error: null }).kind).toBe("retry");
  });
  it("a network error or timeout (no status) retries", () => {
    expect(classifyAttempt({ status: null, error: "timeout after 10000 ms" }).kind).toBe("retry");
  });
  it("a redirect is not followed: it alerts and retries, naming the target", () => {
    const outcome = classifyAttempt({ status: 302, error: null, location: "https://elsewhere.example/x" });
    expect(outcome).toMatchObject({ kind: "retry_alert" });
    expect(outcome.kind === "retry_alert" && outcome.alert).toContain("https://elsewhere.example/x");
  });
  it("delivered and permanent failures do not count against the circuit", () => {
    expect(countsAsEndpointFailure({ kind: "delivered" })).toBe(false);
    expect(countsAsEndpointFailure({ kind: "failed" })).toBe(false);
  });
});

describe("backoffDelayMs", () => {
  it("grows exponentially up to the cap (at the top of the jitter range)", () => {
    const top = () => 0.999999;
    expect(backoffDelayMs(1, 1000, 60000, top)).toBe(999);
    expect(backoffDelayMs(2, 1000, 60000, top)).toBe(1999);
    expect(backoffDelayMs(5, 1000, 60000, top)).toBe(15999);
    expect(backoffDelayMs(30, 1000, 60000, top)).toBe(59999);
    expect(backoffDelayMs(1000, 1000, 60000, top)).toBe(59999);
  });
  it("uses full jitter: anywhere between 0 and the exponential bound", () => {
    expect(backoffDelayMs(3, 1000, 60000, () => 0)).toBe(0);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelayMs(4, 1000, 60000);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(8000);
    }
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2025-01-01T00:00:00Z");
  it("reads delta-seconds", () => expect(parseRetryAfter("7", now)).toBe(7000));
  it("reads an HTTP date", () => expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30000));
  it("a date in the past means now", () => expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0));
  it("ignores garbage and absence", () => {
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
  });
  it("caps absurd values at a day", () => expect(parseRetryAfter("99999999", now)).toBe(86400000));
});

describe("nextDelayMs", () => {
  it("honours Retry-After over the back-off", () => {
    expect(nextDelayMs({ attempt: 1, retryAfterMs: 5000, baseMs: 10, maxMs: 20, random: () => 0.5 })).toBe(5000);
  });
  it("falls back to the back-off", () => {
    expect(nextDelayMs({ attempt: 2, retryAfterMs: null, baseMs: 100, maxMs: 1000, random: () => 0.5 })).toBe(100);
  });
});
