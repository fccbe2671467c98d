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

/**
 * The q-quantiles of `values` as `sortedQuantile` gives them from the sorted values, found by selection instead of a
 * full sort: `values` is rearranged in place (each order statistic asked for ends at its sorted place, smaller
 * values before it, larger after). Linear on average, where a sort of Monte Carlo draws costs n log n.
 *
 * @example
 * quantilesInPlace(Float64Array.of(4, 1, 3, 2), [0.1, 0.5, 0.9]); // [1, 2, 4]
 */
export function quantilesInPlace(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return qs.map(() => Number.NaN);
  const ranks = qs.map((q) => Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1)));
  // Each selection leaves smaller values before its rank: the next larger rank searches only what follows it.
  const order = ranks.map((rank, i) => [rank, i] as const).sort((a, b) => a[0] - b[0]);
  let from = 0;
  for (const [rank] of order) {
    selectRank(values, rank, from, n - 1);
    from = rank;
  }
  return ranks.map((rank) => values[rank] as number);
}

/** Hoare's selection (median-of-three pivot): puts the value of sorted rank `k` of values[lo..hi] at index k. */
function selectRank(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // [lo, j] ≤ pivot ≤ [i, hi], and anything between i and j equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
