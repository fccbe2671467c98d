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
 * draw takes every deal with probability pᵢ, independently (certain and impossible deals are added or skipped
 * without a random number; the others by geometric jumps between the draws that take them). P10/P50/P90 are quantiles of the draws as the inverse
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
  // Draw by deal rather than by draw: the draws that include deal i form a Bernoulli(pᵢ) process over the n draws,
  // so jumping from one inclusion to the next by a geometric gap draws exactly the same distribution with
  // n·min(pᵢ, 1 − pᵢ) random numbers instead of n (a deal more likely than not is added to every draw, and its
  // exclusions are jumped to instead).
  const totals = new Float64Array(n).fill(certain);
  for (let i = 0; i < m; i++) {
    const amount = amountArray[i] as number;
    const pi = probabilityArray[i] as number;
    const rare = pi <= 0.5 ? pi : 1 - pi;
    const step = amount * (pi <= 0.5 ? 1 : -1);
    if (pi > 0.5) for (let d = 0; d < n; d++) totals[d] = (totals[d] as number) + amount;
    const logMiss = Math.log1p(-rare);
    for (
      let d = Math.floor(Math.log(1 - random()) / logMiss);
      d < n;
      d += 1 + Math.floor(Math.log(1 - random()) / logMiss)
    ) {
      totals[d] = (totals[d] as number) + step;
    }
  }
  if (unseen.length > 0) {
    for (let d = 0; d < n; d++) {
      totals[d] =
        (totals[d] as number) + (unseen[Math.min(unseen.length - 1, Math.floor(random() * unseen.length))] as number);
    }
  }
  let sum = 0;
  for (let d = 0; d < n; d++) sum += totals[d] as number;
  totals.sort();
  return {
    draws: n,
    p10: sortedQuantile(totals, 0.1) as number,
    p50: sortedQuantile(totals, 0.5) as number,
    p90: sortedQuantile(totals, 0.9) as number,
    mean: sum / n,
  };
}
