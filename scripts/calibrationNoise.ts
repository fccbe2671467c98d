/**
 * How noisy a pooled calibration share is: the binomial standard error at the target, as if every forecast were
 * independent, and a cluster bootstrap over the backtest's periods. The forecasts of one period share its outcome
 * (the org, its teams and their reps all see the same quarter), so resampling whole periods with replacement and
 * recomputing the pooled share measures the spread the binomial figure misses.
 */
import { CALIBRATION_TARGETS, seededRandom, type CalibrationPoint } from '@salesops/core';

/** A calibration point of a backtest, with the period it forecast. */
export interface PeriodCalibrationPoint extends CalibrationPoint {
  readonly period: string;
}

/** The spread of one pooled share: binomial SE at the target, and the cluster bootstrap's SD and 5–95% range. */
export interface ShareNoise {
  readonly binomialSe: number;
  readonly bootstrapSd: number;
  readonly low: number;
  readonly high: number;
}

export interface HorizonNoise {
  readonly horizon: number;
  readonly count: number;
  readonly periods: number;
  readonly inside: ShareNoise;
  readonly belowP50: ShareNoise;
}

interface Tally {
  count: number;
  inside: number;
  below: number;
}

/** The `q` quantile of sorted `xs` (type 7, R's default). */
function quantileOf(xs: readonly number[], q: number): number {
  const h = (xs.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(xs.length - 1, lo + 1);
  return (xs[lo] ?? 0) + (h - lo) * ((xs[hi] ?? 0) - (xs[lo] ?? 0));
}

function spread(shares: number[], n: number, target: number): ShareNoise {
  shares.sort((a, b) => a - b);
  const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
  const variance = shares.reduce((s, x) => s + (x - mean) ** 2, 0) / (shares.length - 1);
  return {
    binomialSe: Math.sqrt((target * (1 - target)) / n),
    bootstrapSd: Math.sqrt(variance),
    low: quantileOf(shares, 0.05),
    high: quantileOf(shares, 0.95),
  };
}

/** Per horizon, the noise of the pooled shares of `points` (forecasts with P10, P50 and P90 only). */
export function calibrationNoise(
  points: readonly PeriodCalibrationPoint[],
  resamples = 4000,
  seed = 1,
): HorizonNoise[] {
  const byHorizon = new Map<number, Map<string, Tally>>();
  for (const p of points) {
    if (p.p10 === null || p.p50 === null || p.p90 === null) continue;
    let periods = byHorizon.get(p.horizon);
    if (!periods) byHorizon.set(p.horizon, (periods = new Map()));
    const t = periods.get(p.period) ?? { count: 0, inside: 0, below: 0 };
    t.count++;
    t.inside += p.p10 <= p.actual && p.actual <= p.p90 ? 1 : 0;
    t.below += p.actual < p.p50 ? 1 : p.actual === p.p50 ? 0.5 : 0;
    periods.set(p.period, t);
  }
  const random = seededRandom(seed);
  return [...byHorizon]
    .sort(([a], [b]) => a - b)
    .map(([horizon, periods]) => {
      const tallies = [...periods.values()];
      const insideShares: number[] = [];
      const belowShares: number[] = [];
      for (let r = 0; r < resamples; r++) {
        const sum: Tally = { count: 0, inside: 0, below: 0 };
        for (let i = 0; i < tallies.length; i++) {
          const t = tallies[Math.floor(random() * tallies.length)] as Tally;
          sum.count += t.count;
          sum.inside += t.inside;
          sum.below += t.below;
        }
        insideShares.push(sum.inside / sum.count);
        belowShares.push(sum.below / sum.count);
      }
      const count = tallies.reduce((s, t) => s + t.count, 0);
      return {
        horizon,
        count,
        periods: tallies.length,
        inside: spread(insideShares, count, CALIBRATION_TARGETS.inside.target),
        belowP50: spread(belowShares, count, CALIBRATION_TARGETS.belowP50.target),
      };
    });
}
