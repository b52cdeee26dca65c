/**
 * Bounds how many password hashes run at once. bcryptjs is pure JavaScript and runs on the thread that
 * also answers tills and IMSHOP, so a burst of sign-ins must queue rather than stall everything;
 * beyond `maxWaiting` queued callers are refused at once (GateBusyError).
 */
export class GateBusyError extends Error {
  constructor() {
    super("Busy");
  }
}

export function createGate(maxActive: number, maxWaiting: number) {
  let active = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (active >= maxActive) {
        if (waiting.length >= maxWaiting) throw new GateBusyError();
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      active++;
      peak = Math.max(peak, active);
      try {
        return await fn();
      } finally {
        release();
      }
    },
    /** The most hashes seen running at once since the last reset: for tests. */
    peak: () => peak,
    resetPeak: () => void (peak = active),
  };
}
