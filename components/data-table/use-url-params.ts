"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** Writes list state into the URL so a filtered page can be shared and reloaded. */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null>, opts: { resetCursor?: boolean } = {}) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === "") next.delete(k);
        else next.set(k, v);
      }
      if (opts.resetCursor) {
        // Back to the first page: its cursor, direction and the position the total counts from.
        next.delete("cursor");
        next.delete("dir");
        next.delete("pos");
      }
      const qs = next.toString();
      router.push(qs ? `${pathname}?${qs}` : pathname);
    },
    [params, pathname, router],
  );
  return { params, update };
}
