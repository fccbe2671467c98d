import type { ForecastDistribution } from './forecastDistribution.js';

/** The exact distribution of a sum of independent Bernoulli-weighted amounts. */
export interface BernoulliSumDistribution extends ForecastDistribution {
  /** Every attainable sum is `base + k × step`, k = 0 … pmf.length − 1. */
  readonly base: number;
  readonly step: number;
  /** P(sum = base + k × step). */
  readonly pmf: Float64Array;
  /** P(sum ≤ x). */
  cdf(x: number): number;
  /** The smallest attainable sum x with P(sum ≤ x) ≥ q. */
  quantile(q: number): number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Largest support the convolution builds (cells of the probability array). */
const MAX_CELLS = 20_000_000;

/**
 * The exact distribution of base + Σ Bernoulli(pᵢ) × amountᵢ by dynamic-programming convolution, with the amounts
 * in whole currency units (rounded) and divided by their greatest common divisor, so that the support has
 * Σ amountᵢ / gcd + 1 cells and each deal costs one pass over it. Quantiles use the same definition as the Monte
 * Carlo percentiles (smallest x with P(sum ≤ x) ≥ q), which is what lets tests compare the two. Amounts must be
 * non-negative; throws a RangeError when the support would exceed 20 million cells.
 *
 * @example
 * // two deals of 100 at p = 0.5: 0, 100, 200 with 1/4, 1/2, 1/4
 * bernoulliSumDistribution(0, [100, 100], [0.5, 0.5]).pmf; // [0.25, 0.5, 0.25]
 */
export function bernoulliSumDistribution(
  base: number,
  amounts: ArrayLike<number>,
  probabilities: ArrayLike<number>,
): BernoulliSumDistribution {
  const units: number[] = [];
  let step = 0;
  let mean = base;
  for (let i = 0; i < amounts.length; i++) {
    const a = Math.round(amounts[i] as number);
    if (a < 0) throw new RangeError('bernoulliSumDistribution: amounts must not be negative');
    const p = Math.min(1, Math.max(0, probabilities[i] as number));
    units.push(a);
    mean += a * p;
    if (a > 0) step = gcd(step, a);
  }
  if (step === 0) step = 1;
  let total = 0;
  for (const a of units) total += a / step;
  if (total + 1 > MAX_CELLS)
    throw new RangeError(`bernoulliSumDistribution: support of ${total + 1} cells is too large`);
  let pmf = new Float64Array(total + 1);
  pmf[0] = 1;
  let reach = 0; // highest cell with mass so far
  let next = new Float64Array(total + 1);
  for (let i = 0; i < units.length; i++) {
    const k = (units[i] as number) / step;
    const p = Math.min(1, Math.max(0, probabilities[i] as number));
    if (k === 0 || p === 0) continue;
    next.fill(0, 0, reach + k + 1);
    for (let j = 0; j <= reach; j++) {
      const mass = pmf[j] as number;
      if (mass === 0) continue;
      next[j] = (next[j] as number) + mass * (1 - p);
      next[j + k] = (next[j + k] as number) + mass * p;
    }
    reach += k;
    [pmf, next] = [next, pmf];
  }
  const cumulative = new Float64Array(pmf.length);
  let running = 0;
  for (let j = 0; j < pmf.length; j++) cumulative[j] = running += pmf[j] as number;
  const quantile = (q: number): number => {
    // Binary search for the first cell whose cumulative probability reaches q (with a hair of rounding slack).
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) >= q - 1e-12) hi = mid;
      else lo = mid + 1;
    }
    return base + lo * step;
  };
  return {
    base,
    step,
    pmf,
    mean,
    p10: quantile(0.1),
    p50: quantile(0.5),
    p90: quantile(0.9),
    quantile,
    cdf(x) {
      const j = Math.floor((x - base) / step + 1e-9);
      if (j < 0) return 0;
      return j >= cumulative.length ? 1 : (cumulative[j] as number);
    },
  };
}
