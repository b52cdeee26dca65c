// Campaign periods and per-user daily limits follow the merchant's calendar: Moscow, UTC+3 all year
// (no daylight saving since 2014), so a fixed offset is exact.
const OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 00:00 Moscow time of a YYYY-MM-DD calendar day. */
export function moscowDayStart(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - OFFSET_MS);
}

/** The first instant after a YYYY-MM-DD day in Moscow: an exclusive end. */
export function moscowDayEnd(isoDate: string): Date {
  return new Date(moscowDayStart(isoDate).getTime() + DAY_MS);
}

/** Start of the Moscow day that contains `at`. */
export function startOfMoscowDay(at: Date): Date {
  const shifted = at.getTime() + OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS);
}

/** The YYYY-MM-DD Moscow calendar day of an instant (for date inputs). */
export function moscowIsoDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Moscow day of an exclusive end instant, i.e. the last day included. */
export function moscowLastDay(endExclusive: Date): string {
  return moscowIsoDate(new Date(endExclusive.getTime() - 1));
}
