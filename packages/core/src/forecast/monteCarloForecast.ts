import type { ForecastDistribution } from './forecastDistribution.js';
import { quantilesInPlace } from './forecastDistribution.js';
import { addUncertainDeals, type WinRateUncertainty } from './addUncertainDeals.js';
import { uint32Filler, type RandomSource } from './seededRandom.js';
import { addRenewalDraws } from './addRenewalDraws.js';
import type { RenewalsDue } from './renewalsDue.js';

/** Fewest draws a Monte Carlo forecast makes (metrics.md: ≥ 10,000). */
export const MIN_MONTE_CARLO_DRAWS = 10_000;

export interface MonteCarloForecast extends ForecastDistribution {
  readonly draws: number;
}

/** Deals per block of the subset sampler (addBlocks): each block has a table of its 2^BLOCK_BITS subsets. */
const BLOCK_BITS = 8;
const BLOCK_SIZE = 1 << BLOCK_BITS;
/**
 * Deals with min(p, 1 − p) below this are drawn by geometric jumps (addByJumps): n·min(p, 1 − p) random numbers per
 * deal against a block's n / BLOCK_BITS, but each with a logarithm; measured, jumps are cheaper below about 1/32.
 */
const JUMP_BELOW = 1 / 32;
const TWO_POW_32 = 4294967296;

/**
 * The distribution of base + Σ Bernoulli(pᵢ) × amountᵢ by simulation (metrics.md "Forecast", monteCarlo): each
 * draw takes every deal with probability pᵢ, independently (certain and impossible deals are added or skipped
 * without a random number; the others by blocks of deals or by geometric jumps, see addBlocks and addByJumps).
 * P10/P50/P90 are quantiles of the draws as the inverse empirical distribution function; mean is the mean of the
 * draws. `draws` is at least 10,000. The same generator state gives the same result.
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
  /**
   * Win-rate uncertainty and period co-movement (see `addUncertainDeals`); without it the deals are independent
   * Bernoulli coins, whose sum `bernoulliSumDistribution` gives exactly.
   */
  uncertainty?: WinRateUncertainty,
  /** Contracts due whose renewal is not opened yet, drawn one by one (see `addRenewalDraws`). */
  renewals?: RenewalsDue,
): MonteCarloForecast {
  const n = Math.max(MIN_MONTE_CARLO_DRAWS, Math.trunc(draws));
  const fill = uint32Filler(random);
  const numbers = new Uint32Array(n);
  let totals: Float64Array;
  if (uncertainty) {
    totals = new Float64Array(n).fill(base);
    addUncertainDeals(totals, amounts, probabilities, uncertainty, random);
  } else totals = independentDraws(n, base, amounts, probabilities, fill, numbers);
  if (renewals?.law) addRenewalDraws(totals, renewals.amounts, renewals.law, random);
  if (unseen.length > 0) {
    fill(numbers);
    for (let d = 0; d < n; d++) {
      const pick = Math.min(unseen.length - 1, Math.floor(((numbers[d] as number) / TWO_POW_32) * unseen.length));
      totals[d] = (totals[d] as number) + (unseen[pick] as number);
    }
  }
  let sum = 0;
  for (let d = 0; d < n; d++) sum += totals[d] as number;
  const [p10, p50, p90] = quantilesInPlace(totals, [0.1, 0.5, 0.9]) as [number, number, number];
  return {
    draws: n,
    p10,
    p50,
    p90,
    mean: sum / n,
  };
}

/** base + Σ Bernoulli(pᵢ) × amountᵢ with independent deals, n times (blocks and jumps, see below). */
function independentDraws(
  n: number,
  base: number,
  amounts: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  fill: (out: Uint32Array) => void,
  numbers: Uint32Array,
): Float64Array {
  let certain = base;
  const blocked: Deals = { amounts: [], probabilities: [] };
  const jumped: Deals = { amounts: [], probabilities: [] };
  for (let i = 0; i < amounts.length; i++) {
    const pi = probabilities[i] as number;
    const amount = amounts[i] as number;
    if (pi >= 1) certain += amount;
    else if (pi > 0) {
      const deals = Math.min(pi, 1 - pi) < JUMP_BELOW ? jumped : blocked;
      deals.amounts.push(amount);
      deals.probabilities.push(pi);
      // A jumped deal more likely than not is in every draw but those addByJumps jumps to and takes it out of.
      if (deals === jumped && pi > 0.5) certain += amount;
    }
  }
  const totals = new Float64Array(n).fill(certain);
  addBlocks(totals, blocked, fill, numbers);
  addByJumps(totals, jumped, fill, numbers);
  return totals;
}

interface Deals {
  readonly amounts: number[];
  readonly probabilities: number[];
}

/**
 * Adds the deals to every draw BLOCK_BITS deals at a time. Why this is exact: the deals a draw takes from a block
 * form a subset x whose law, for independent Bernoulli(pᵢ), is P(x) = ∏ pᵢ^xᵢ (1 − pᵢ)^(1 − xᵢ), a finite law over
 * 2^BLOCK_BITS subsets; Walker's alias method draws from a finite law exactly, here with one 32-bit number per
 * draw (its top BLOCK_BITS bits pick one of the equally likely slots, the other bits choose between the slot's own
 * subset and its alias), resolving each P(x) to 2⁻³² as any sampler fed 32-bit uniforms does. Blocks and draws use
 * separate numbers, so they stay independent. A draw then costs one number and one addition per block, not per deal.
 * The last block is filled up with deals of probability 0, whose subsets never come out.
 */
function addBlocks(totals: Float64Array, deals: Deals, fill: (out: Uint32Array) => void, numbers: Uint32Array): void {
  const n = totals.length;
  const lowBits = 32 - BLOCK_BITS;
  const lowMask = 0xffffffff >>> BLOCK_BITS;
  const probability = new Float64Array(BLOCK_SIZE);
  const sum = new Float64Array(BLOCK_SIZE);
  const table = new AliasTable(BLOCK_SIZE, lowBits);
  for (let first = 0; first < deals.amounts.length; first += BLOCK_BITS) {
    // Subset x (bit j: deal first + j taken): its probability and the sum of its amounts.
    probability[0] = 1;
    sum[0] = 0;
    for (let j = 0; j < BLOCK_BITS; j++) {
      const pj = first + j < deals.amounts.length ? (deals.probabilities[first + j] as number) : 0;
      const aj = first + j < deals.amounts.length ? (deals.amounts[first + j] as number) : 0;
      const half = 1 << j;
      for (let x = 0; x < half; x++) {
        probability[x + half] = (probability[x] as number) * pj;
        probability[x] = (probability[x] as number) * (1 - pj);
        sum[x + half] = (sum[x] as number) + aj;
      }
    }
    table.build(probability, sum);
    const { threshold, values } = table;
    fill(numbers);
    for (let d = 0; d < n; d++) {
      const u = numbers[d] as number;
      const slot = u >>> lowBits;
      // 1 when the low bits fall under the threshold (take the slot's own subset), else 0 (its alias); computed
      // without a branch, which would be mispredicted about as often as it is taken.
      const own = ((u & lowMask) - (threshold[slot] as number)) >>> 31;
      totals[d] = (totals[d] as number) + (values[2 * slot + own] as number);
    }
  }
}

/**
 * Walker's alias table for a law over `size` outcomes (Vose's construction). Slot s, picked uniformly, gives its own
 * outcome when a uniform `bits`-bit integer is below threshold[s], else its alias, the outcome it was topped up from;
 * `values` holds the value of slot s's alias at 2s and of its own outcome at 2s + 1, in one cache line.
 */
class AliasTable {
  readonly threshold: Int32Array;
  readonly values: Float64Array;
  private readonly scaled: Float64Array;
  private readonly small: Int32Array;
  private readonly large: Int32Array;

  constructor(
    private readonly size: number,
    private readonly bits: number,
  ) {
    this.threshold = new Int32Array(size);
    this.values = new Float64Array(2 * size);
    this.scaled = new Float64Array(size);
    this.small = new Int32Array(size);
    this.large = new Int32Array(size);
  }

  /** Builds the table for outcomes of probability `probability[s]` (summing to 1) and value `value[s]`. */
  build(probability: Float64Array, value: Float64Array): void {
    const { size, threshold, values, scaled, small, large } = this;
    const one = 2 ** this.bits;
    let smalls = 0;
    let larges = 0;
    for (let s = 0; s < size; s++) {
      scaled[s] = (probability[s] as number) * size;
      if ((scaled[s] as number) < 1) small[smalls++] = s;
      else large[larges++] = s;
    }
    // Each under-full slot is topped up from an over-full one, which becomes its alias.
    while (smalls > 0 && larges > 0) {
      const s = small[--smalls] as number;
      const l = large[larges - 1] as number;
      threshold[s] = Math.round((scaled[s] as number) * one);
      values[2 * s] = value[l] as number;
      values[2 * s + 1] = value[s] as number;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      if ((scaled[l] as number) < 1) {
        larges--;
        small[smalls++] = l;
      }
    }
    // What is left is full up to rounding: it always keeps its own outcome.
    for (let k = 0; k < smalls; k++) this.keep(small[k] as number, value);
    for (let k = 0; k < larges; k++) this.keep(large[k] as number, value);
  }

  private keep(s: number, value: Float64Array): void {
    this.threshold[s] = 2 ** this.bits;
    this.values[2 * s] = this.values[2 * s + 1] = value[s] as number;
  }
}

/**
 * Adds deals of small min(p, 1 − p) by geometric jumps: the draws that take deal i form a Bernoulli(pᵢ) process
 * over the n draws, so jumping from one to the next by a geometric gap, ⌊log(1 − U) / log(1 − pᵢ)⌋ draws, draws
 * exactly the same distribution with n·pᵢ random numbers instead of n. A deal more likely than not is already in
 * every draw (the caller counts it as certain) and the draws that miss it, a Bernoulli(1 − pᵢ) process, are jumped
 * to instead and take it out.
 */
function addByJumps(totals: Float64Array, deals: Deals, fill: (out: Uint32Array) => void, numbers: Uint32Array): void {
  const n = totals.length;
  let next = numbers.length;
  const uniform = (): number => {
    if (next === numbers.length) {
      fill(numbers);
      next = 0;
    }
    return (numbers[next++] as number) / TWO_POW_32;
  };
  for (let i = 0; i < deals.amounts.length; i++) {
    const pi = deals.probabilities[i] as number;
    const amount = deals.amounts[i] as number;
    const rare = pi <= 0.5 ? pi : 1 - pi;
    const step = pi <= 0.5 ? amount : -amount;
    const logMiss = Math.log1p(-rare);
    for (
      let d = Math.floor(Math.log(1 - uniform()) / logMiss);
      d < n;
      d += 1 + Math.floor(Math.log(1 - uniform()) / logMiss)
    ) {
      totals[d] = (totals[d] as number) + step;
    }
  }
}
