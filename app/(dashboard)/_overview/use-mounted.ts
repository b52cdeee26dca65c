import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server's HTML, true once hydrated. Charts draw only then: recharts writes inline
 * `style` attributes, which the CSP (style-src with a nonce, no 'unsafe-inline') blocks in server HTML
 * but allows when React sets them from script.
 */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
