import type { ForecastDistribution } from './forecastDistribution.js';
import { sortedQuantile } from './forecastDistribution.js';
import type { RandomSource } from './seededRandom.js';

/** Fewest draws a Monte Carlo forecast makes (metrics.md: ≥ 10,000). */
export const MIN_MONTE_CARLO_DRAWS = 10_000;

export interface MonteCarloForecast extends ForecastDistribution {
  readonly draws: number;
}

/**
 * The distribution of base + Σ Bernoulli(pᵢ) × amountᵢ by simulation (metrics.md "Forecast", monteCarlo): each
 * draw takes every deal with probability pᵢ, one uniform number of `random` per deal with 0 < pᵢ < 1 (certain and
 * impossible deals are added or skipped without one). P10/P50/P90 are quantiles of the draws as the inverse
 * empirical distribution function; mean is the mean of the draws. `draws` is at least 10,000. The same generator
 * state gives the same result.
 *
 * @example
 * monteCarloForecast(1000, [500, 2000], [0.5, 0.25], seededRandom(7)).p50;
 */
export function monteCarloForecast(
  base: number,
  amounts: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  random: RandomSource,
  draws: number = MIN_MONTE_CARLO_DRAWS,
  /**
   * Amounts of past periods' business that no forecast could see yet (historical new business): each draw adds one
   * of them, picked uniformly — a bootstrap that carries their spread into P10–P90, not only their mean.
   */
  unseen: readonly number[] = [],
): MonteCarloForecast {
  const n = Math.max(MIN_MONTE_CARLO_DRAWS, Math.trunc(draws));
  let certain = base;
  const a: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const pi = probabilities[i] as number;
    if (pi >= 1) certain += amounts[i] as number;
    else if (pi > 0) {
      a.push(amounts[i] as number);
      p.push(pi);
    }
  }
  const amountArray = Float64Array.from(a);
  const probabilityArray = Float64Array.from(p);
  const m = amountArray.length;
  const totals = new Float64Array(n);
  let sum = 0;
  for (let d = 0; d < n; d++) {
    let total = certain;
    for (let i = 0; i < m; i++) if (random() < (probabilityArray[i] as number)) total += amountArray[i] as number;
    if (unseen.length > 0) total += unseen[Math.min(unseen.length - 1, Math.floor(random() * unseen.length))] as number;
    totals[d] = total;
    sum += total;
  }
  totals.sort();
  return {
    draws: n,
    p10: sortedQuantile(totals, 0.1) as number,
    p50: sortedQuantile(totals, 0.5) as number,
    p90: sortedQuantile(totals, 0.9) as number,
    mean: sum / n,
  };
}
