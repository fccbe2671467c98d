import type { CompPlan } from './compPlan.js';

/**
 * Payout multiple of the target incentive earned by an attainment: Σ over tiers of rate × the part of the
 * attainment inside the tier. With tiers 0–1 at rate 1 and 1+ at rate 2, attainment 1.2 earns 1 + 0.4 = 1.4.
 *
 * @example
 * payoutCurve([{ from: 0, to: 1, rate: 1 }, { from: 1, rate: 2 }], 1.2); // 1.4
 */
export function payoutCurve(tiers: CompPlan['tiers'], attainment: number): number {
  let multiple = 0;
  for (const t of tiers) {
    const end = t.to ?? Infinity;
    if (attainment <= t.from) break;
    multiple += t.rate * (Math.min(attainment, end) - t.from);
  }
  return multiple;
}

/** The rate of the tier an attainment falls in (the slope of the curve just above it). */
export function marginalTierRate(tiers: CompPlan['tiers'], attainment: number): number {
  for (const t of tiers) if (attainment >= t.from && attainment < (t.to ?? Infinity)) return t.rate;
  return 0;
}
