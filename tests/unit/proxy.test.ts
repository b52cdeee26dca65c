import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { REQUEST_PATH_HEADER } from "@/lib/http/security-headers";

describe("proxy.ts security headers", () => {
  it("sets a strict CSP with a fresh nonce, passes it to Next, and keeps the page's path", () => {
    const res = proxy(new NextRequest("http://portal.test/loyalty/clients?q=ivan"));
    const csp = res.headers.get("content-security-policy")!;
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toMatch(new RegExp(`script-src 'self' 'nonce-${nonce.replace(/[+/=]/g, "\\$&")}' 'strict-dynamic'`));
    expect(csp).not.toContain("unsafe-inline");
    // NextResponse.next({ request }) hands the overridden request headers to the page as x-middleware-request-*.
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(res.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe("/loyalty/clients?q=ivan");
    const again = proxy(new NextRequest("http://portal.test/scans")).headers.get("content-security-policy")!;
    expect(again).not.toContain(nonce);
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS on https", () => {
    const res = proxy(new NextRequest("https://portal.test/scans"));
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("overwrites a path header the caller sent", () => {
    const res = proxy(new NextRequest("http://portal.test/users", { headers: { [REQUEST_PATH_HEADER]: "//evil.example" } }));
    expect(res.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe("/users");
  });
});
