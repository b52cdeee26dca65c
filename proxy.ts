import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, HSTS, newNonce, REQUEST_PATH_HEADER } from "@/lib/http/security-headers";

/**
 * Runs before every page: a fresh nonce in the Content-Security-Policy (Next reads it from the request
 * header and stamps its own scripts with it), HSTS on https, and the page's path for the sign-in
 * redirect to come back to. The request-independent headers are in next.config.mjs.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

// Behind a TLS-terminating proxy the portal itself speaks http: only a trusted proxy's word counts.
function servedOverHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === "https:") return true;
  if (env.TRUSTED_PROXY_HOPS === 0) return false;
  const proto = request.headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase();
  return proto === "https";
}

export const config = {
  matcher: [
    // Pages only: API answers are JSON for tills and IMSHOP, static files carry no script. The imports
    // page's upload is not a page either, and must not pass here: Next buffers a body for the proxy and
    // cuts it at experimental.proxyClientMaxBodySize (10 MB), so a 100 MB file would arrive truncated.
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|loyalty/imports/upload).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
