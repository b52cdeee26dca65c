// Where to land after sign-in. Only a page of this portal: anything else would make sign-in an open
// redirect. Parsed the way a browser parses it (tabs and newlines dropped, backslashes read as slashes),
// so "/\t/evil.com" or "/\\evil.com" are seen for the "//evil.com" they become.
const ORIGIN = "http://imshop-connect.invalid";
export const DEFAULT_CALLBACK = "/";

export function safeCallback(value: string | string[] | null | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return DEFAULT_CALLBACK;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return DEFAULT_CALLBACK;
  }
  if (url.origin !== ORIGIN) return DEFAULT_CALLBACK;
  const target = url.pathname + url.search + url.hash;
  // Coming back to the sign-in page itself would only show the form again.
  if (url.pathname === "/sign-in" || target.startsWith("//")) return DEFAULT_CALLBACK;
  return target;
}

/** The sign-in page URL that brings the visitor back to `path` afterwards. */
export function signInUrlFor(path: string | null | undefined): string {
  const target = path ? safeCallback(path) : DEFAULT_CALLBACK;
  return target === DEFAULT_CALLBACK ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(target)}`;
}
