/** Percentiles and mean of a forecast distribution. */
export interface ForecastDistribution {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
}

/**
 * The q-quantile of sorted values as the inverse of the empirical distribution function (R's `quantile(type = 1)`):
 * the smallest value with at least a share q of the values at or below it. Null for no values.
 *
 * @example
 * sortedQuantile([1, 2, 3, 4], 0.5); // 2
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const index = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  return sorted[index] as number;
}
