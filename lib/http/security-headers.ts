// The headers every dashboard page carries. Kept apart from proxy.ts so tests can check the policy itself.

/** A fresh, unguessable nonce for one response: scripts without it do not run. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * Scripts only by nonce ('strict-dynamic' lets Next's own loader add its chunks); nothing may frame the
 * dashboard (clickjacking on "revoke key", "replay all", approvals); forms post only back here.
 * Images may come from https hosts: loyalty client photos are external https URLs.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React in development reconstructs server error stacks with eval; production never evaluates strings.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'${opts.dev ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Strict-Transport-Security, sent only on https answers (a browser ignores it over http anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Request header the proxy sets to the page's path + query, so a signed-out visitor can be sent back to it. */
export const REQUEST_PATH_HEADER = "x-imshop-request-path";
