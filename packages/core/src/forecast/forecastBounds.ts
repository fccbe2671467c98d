import { sortedQuantile } from './forecastDistribution.js';
import type { ForecastMethod, MethodForecast } from './scopeForecast.js';

/** What can still happen to a scope's period (metrics.md "Forecast"): every method's figure is kept inside it. */
export interface ForecastBounds {
  /** closedWon: what is already won cannot be lost. */
  readonly low: number;
  /** closedWon + open non-Omitted pipeline + `newBusinessP90` + `renewalsDue`. */
  readonly high: number;
  /** P90 of the historical new business, as Monte Carlo draws it (per past period; 0 when there is none). */
  readonly newBusinessP90: number;
  /** The most the contracts due and not opened yet can renew for (0 when the forecast draws no renewals). */
  readonly renewalsDue: number;
}

/** The bound a figure was moved to; null when it was inside. */
export type BoundedSide = 'low' | 'high' | null;

const cents = (x: number) => Math.round(x * 100);

/**
 * The bounds of a scope's forecast: low = closedWon; high = `pipelineRollup` (closedWon + every open deal but the
 * Omitted ones, the `pipeline` roll-up) + the P90 of the past periods' new business (R's `quantile(type = 1)`, as
 * the Monte Carlo percentiles) + `renewalsDue`. High is never below low. `newBusiness` and `renewalsDue` are the
 * unseen business as Monte Carlo draws it (docs/rollups.md "Bounds"), so that its mean never exceeds high: with at
 * most 8 past periods the P90 is their largest, and no contract renews for more than its largest past ratio.
 *
 * @example
 * forecastBounds(1000, 3000, [0, 200, 500]); // { low: 1000, high: 3500, newBusinessP90: 500, renewalsDue: 0 }
 */
export function forecastBounds(
  closedWon: number,
  pipelineRollup: number,
  newBusiness: readonly number[],
  renewalsDue = 0,
): ForecastBounds {
  const p90 =
    sortedQuantile(
      [...newBusiness].sort((a, b) => a - b),
      0.9,
    ) ?? 0;
  const high = Math.max(cents(closedWon), cents(pipelineRollup) + cents(p90) + cents(renewalsDue)) / 100;
  return { low: closedWon, high, newBusinessP90: p90, renewalsDue };
}

const clamp = (x: number | null, { low, high }: ForecastBounds): number | null =>
  x === null ? null : Math.min(high, Math.max(low, x));

/**
 * A method's forecast kept inside the bounds: the point forecast, P10, P50, P90 and the mean are each clamped to
 * [low, high]. Clamping is monotone, so the clamped percentiles are the percentiles of the bounded distribution
 * (P10 ≤ P50 ≤ P90 still holds). `bounded` says which bound the point forecast was moved to.
 *
 * @example
 * boundMethodForecast(f, { low: 100, high: 500, newBusinessP90: 0, renewalsDue: 0 }).bounded; // 'high' when f.forecast was 600
 */
export function boundMethodForecast(f: MethodForecast, bounds: ForecastBounds): MethodForecast {
  const forecast = clamp(f.forecast, bounds);
  const bounded: BoundedSide =
    f.forecast === null || forecast === f.forecast ? null : f.forecast < bounds.low ? 'low' : 'high';
  return {
    ...f,
    forecast,
    p10: clamp(f.p10, bounds),
    p50: clamp(f.p50, bounds),
    p90: clamp(f.p90, bounds),
    mean: clamp(f.mean, bounds),
    bounded,
  };
}

/**
 * A method's figure for a period that ended on or before the as-of date: nothing is left to forecast, so the
 * forecast, P10, P50, P90 (and the Monte Carlo mean) are the closed won, marked `final`.
 *
 * @example
 * finalMethodForecast('monteCarlo', 25000).p90; // 25000
 */
export function finalMethodForecast(method: ForecastMethod, closedWon: number): MethodForecast {
  return {
    method,
    forecast: closedWon,
    p10: closedWon,
    p50: closedWon,
    p90: closedWon,
    mean: method === 'monteCarlo' ? closedWon : null,
    detail: null,
    bounded: null,
    final: true,
  };
}
