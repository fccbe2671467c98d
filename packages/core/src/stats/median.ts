/**
 * The median of a list (mean of the two middle values for an even count); null for an empty list. Does not
 * mutate its input.
 *
 * @example
 * median([5, 1, 3]); // 3
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
