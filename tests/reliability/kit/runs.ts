// How hard the reliability suite pushes: `npm run test:reliability` sets RELIABILITY_RUNS=300 (the full
// suite), `npm test` runs it with 25. Everything that scales with effort reads it from here.
export const RUNS = Math.max(1, Number(process.env.RELIABILITY_RUNS || 25));

/** True for the full run: the slow scenarios use bigger loads then. */
export const FULL = RUNS >= 100;

/** `short` in the short run, `full` in the full one. */
export const scaled = (short: number, full: number) => (FULL ? full : short);

/** fast-check parameters shared by every property: fixed seed from the environment when replaying a failure. */
export const fcParams = (numRuns = RUNS) => ({
  numRuns,
  ...(process.env.RELIABILITY_SEED ? { seed: Number(process.env.RELIABILITY_SEED) } : {}),
});

/** Per-test time limit that grows with the number of runs (each run is a few database round trips). */
export const timeoutFor = (perRunMs: number, base = 30_000) => base + RUNS * perRunMs;
