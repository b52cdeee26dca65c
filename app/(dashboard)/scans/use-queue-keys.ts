"use client";

import { useEffect, useRef } from "react";

export type QueueKeyHandlers = { move: (step: 1 | -1) => void; approve: () => void; deny: () => void; select: () => void; help: () => void };

/**
 * Typing in a field, or a dialog in front, must never fire a shortcut. A checkbox or a button keeps them:
 * after ticking a row with the mouse, X and A still work.
 */
function ignored(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return true;
  const target = e.target as HTMLElement | null;
  const typing = target?.closest("textarea, select, [contenteditable=true], input:not([type=checkbox]):not([type=radio])");
  return !!typing || !!document.querySelector("[role=dialog]");
}

/** The moderation queue's keys: J/K move, A approve, D deny, X select, ? the list of keys. */
export function useQueueKeys(handlers: QueueKeyHandlers) {
  // The latest handlers without re-binding the listener on every render.
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      const h = ref.current;
      const actions: Record<string, () => void> = {
        j: () => h.move(1),
        k: () => h.move(-1),
        a: h.approve,
        d: h.deny,
        x: h.select,
        "?": h.help,
      };
      const action = actions[e.key.toLowerCase()] ?? actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
