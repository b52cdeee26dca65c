// Money crosses the wire in roubles (≤ 2 decimals) and lives in integer kopecks; points are whole roubles.

export const MAX_AMOUNT_ROUBLES = 10_000_000;

/** True when a rouble amount has at most two decimals (tolerating binary-float noise such as 0.1 + 0.2). */
export function hasAtMostTwoDecimals(roubles: number): boolean {
  const scaled = roubles * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export function toKopecks(roubles: number): number {
  return Math.round(roubles * 100);
}

export function toRoubles(kopecks: number): number {
  return Math.round(kopecks) / 100;
}

/** Points earned on a purchase: whole roubles of `percent` %, rounded down. */
export function earnedPoints(amountKopecks: number, percent: number): number {
  return Math.floor((amountKopecks * percent) / 10_000);
}

/** The most points a purchase may be paid with under the level's cap (before the balance is considered). */
export function spendCap(amountKopecks: number, maxSpendPercent: number): number {
  return Math.floor((amountKopecks * maxSpendPercent) / 10_000);
}

/** A discount level's discount, in kopecks, rounded down so it never exceeds the stated percent. */
export function discountKopecks(amountKopecks: number, percent: number): number {
  return Math.floor((amountKopecks * percent) / 100);
}
