import { betaVariate } from './randomVariates.js';
import { float64Once } from './float64Once.js';
import { DRAWS_PER_RATE_DRAW } from './addUncertainDeals.js';
import { addPairsBelowFrom, type RandomSource } from './seededRandom.js';
import type { RenewalLaw } from './renewalsDue.js';

const TWO_POW_32 = 4294967296;

/**
 * Adds the renewals not opened yet to every draw: per draw each contract is renewed with probability x, the
 * renewals' win rate drawn from its Beta posterior (anew every DRAWS_PER_RATE_DRAW draws, shared by the contracts,
 * like a stage cell's rate), at its amount × a ratio picked uniformly from the past renewals' ratios.
 *
 * @example
 * addRenewalDraws(new Float64Array(10_000), [1000], { winRate: { alpha: 9, beta: 1 }, ratios: [1, 1.1] }, seededRandom(1));
 */
export function addRenewalDraws(
  totals: Float64Array,
  amounts: readonly number[],
  law: RenewalLaw,
  random: RandomSource,
): void {
  const m = amounts.length;
  if (m === 0) return;
  const values = Float64Array.from(amounts);
  const ratios = float64Once(law.ratios);
  // Per contract two numbers: the first below the threshold renews it, the second picks its ratio.
  const addPairsBelow = addPairsBelowFrom(random);
  for (let first = 0; first < totals.length; first += DRAWS_PER_RATE_DRAW) {
    const threshold = betaVariate(law.winRate.alpha, law.winRate.beta, random) * TWO_POW_32;
    addPairsBelow(totals, first, Math.min(totals.length, first + DRAWS_PER_RATE_DRAW), values, threshold, ratios);
  }
}

/** The expected value of what addRenewalDraws adds: Σ amount × E[x] × mean ratio. */
export function renewalDrawsMean(amounts: readonly number[], law: RenewalLaw): number {
  const { alpha, beta } = law.winRate;
  const rate = alpha / (alpha + beta);
  let sum = 0;
  for (const a of amounts) sum += a;
  return sum * rate * ratioSummary(law.ratios).mean;
}

/** The most addRenewalDraws can add: every contract renewed at the largest past ratio (the forecast's high bound). */
export function renewalsCeiling(amounts: readonly number[], law: RenewalLaw): number {
  let sum = 0;
  for (const a of amounts) sum += a;
  return sum * ratioSummary(law.ratios).largest;
}

/**
 * The mean and the largest of a law's ratios, once per law: every scope of a forecast shares the org's law, and a
 * million-deal org has hundreds of thousands of past renewals.
 */
const summaries = new WeakMap<RenewalLaw['ratios'], { readonly mean: number; readonly largest: number }>();

function ratioSummary(ratios: RenewalLaw['ratios']): { readonly mean: number; readonly largest: number } {
  let summary = summaries.get(ratios);
  if (!summary) {
    // A loop, not Math.max(...ratios): a million-deal org has more past renewals than the call stack takes arguments.
    let largest = -Infinity;
    let sum = 0;
    for (const r of ratios) {
      if (r > largest) largest = r;
      sum += r;
    }
    summary = { mean: sum / ratios.length, largest };
    summaries.set(ratios, summary);
  }
  return summary;
}
