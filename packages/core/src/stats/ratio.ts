/**
 * `numerator / denominator`, or null when either is missing or the denominator is 0 (metrics.md: a ratio with a
 * zero or missing denominator is undefined, not zero).
 *
 * @example
 * ratio(3, 4); // 0.75
 * ratio(3, 0); // null
 */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}
