import { median, ratio } from '../stats/index.js';
import type { PerformanceSums } from './performanceSums.js';

/** The metrics of metrics.md "Performance" for one rep, team, territory or the org. Money in corporate units. */
export interface Performance {
  quota: number | null;
  closedWon: number;
  won: number;
  lost: number;
  attainment: number | null;
  winRate: number | null;
  winRateValue: number | null;
  avgDealSize: number | null;
  medianCycleDays: number | null;
  openPipeline: number;
  openDeals: number;
  remainingQuota: number | null;
  coverage: number | null;
  requiredCoverage: number | null;
  pipelineCreated: number;
  slipped: { count: number; amount: number };
  /** Expected won amount per day from the open deals: open deals × avg deal size × win rate / median cycle. */
  velocity: number | null;
  pace: number | null;
}

/**
 * Derives the metrics from summed figures and the share of the period elapsed on the as-of date.
 *
 * @example
 * performanceMetrics(sums, { elapsedDays: 46, totalDays: 92 }).pace; // attainment / 0.5
 */
export function performanceMetrics(
  sums: PerformanceSums,
  progress: { elapsedDays: number; totalDays: number },
): Performance {
  const units = (cents: number): number => cents / 100;
  const quota = sums.quotaCents === null ? null : units(sums.quotaCents);
  const closedWon = units(sums.closedWonCents);
  const attainment = ratio(closedWon, quota);
  const winRate = ratio(sums.won, sums.won + sums.lost);
  const winRateValue = ratio(sums.closedWonCents, sums.closedCents);
  const avgDealSize = sums.wonWithAmount > 0 ? closedWon / sums.wonWithAmount : null;
  const medianCycleDays = median(sums.cycleDays);
  const openPipeline = units(sums.openPipelineCents);
  const remainingCents = sums.quotaCents === null ? null : Math.max(sums.quotaCents - sums.closedWonCents, 0);
  const remainingQuota = remainingCents === null ? null : units(remainingCents);
  const priorWinRateValue = ratio(sums.priorClosedWonCents, sums.priorClosedCents);
  const velocity =
    avgDealSize === null || winRate === null || medianCycleDays === null || medianCycleDays === 0
      ? null
      : (sums.openDeals * avgDealSize * winRate) / medianCycleDays;
  const elapsedShare = ratio(progress.elapsedDays, progress.totalDays);
  return {
    quota,
    closedWon,
    won: sums.won,
    lost: sums.lost,
    attainment,
    winRate,
    winRateValue,
    avgDealSize,
    medianCycleDays,
    openPipeline,
    openDeals: sums.openDeals,
    remainingQuota,
    coverage: ratio(openPipeline, remainingQuota),
    requiredCoverage: ratio(1, priorWinRateValue),
    pipelineCreated: units(sums.pipelineCreatedCents),
    slipped: { count: sums.slipped, amount: units(sums.slippedCents) },
    velocity,
    pace: attainment === null ? null : ratio(attainment, elapsedShare),
  };
}
