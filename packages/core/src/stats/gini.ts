/**
 * The Gini coefficient of non-negative values: 0 when all are equal, approaching 1 when one holds everything
 * (mean absolute difference over twice the mean, computed from the sorted values in O(n log n)). Null for an
 * empty list or an all-zero list.
 *
 * @example
 * gini([1, 1, 1, 1]); // 0
 * gini([0, 0, 0, 4]); // 0.75
 */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (v < 0) throw new RangeError(`gini of a negative value (${v})`);
    total += v;
    weighted += (i + 1) * v;
  }
  if (total === 0) return null;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
