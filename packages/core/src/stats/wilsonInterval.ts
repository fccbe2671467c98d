/**
 * The Wilson score interval of a proportion `successes / trials` at confidence z (1.96 for 95 %); null when there
 * are no trials.
 *
 * @example
 * wilsonInterval(8, 10); // { lower: 0.4902, upper: 0.9433 } (rounded)
 */
export function wilsonInterval(successes: number, trials: number, z = 1.96): { lower: number; upper: number } | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
