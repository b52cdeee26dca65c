// Small numeric helpers shared by the bench scripts.

/** The p-th percentile (nearest rank) of an ascending array; null when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const round = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? null : Number(v.toFixed(digits)));
