/**
 * Mean and population standard deviation (divide by n) of a list; null for an empty list.
 *
 * @example
 * populationStdDev([2, 4, 4, 4, 5, 5, 7, 9]); // { mean: 5, sd: 2 }
 */
export function populationStdDev(values: readonly number[]): { mean: number; sd: number } | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, sd: Math.sqrt(squares / n) };
}
