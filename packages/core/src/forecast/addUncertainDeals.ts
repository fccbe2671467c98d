import { betaLaws, betaVariatesFrom } from './betaLaws.js';
import { standardNormal } from './randomVariates.js';
import { float64Once } from './float64Once.js';
import { addBelowTimesRatioFrom, sumBelowFrom, type RandomSource } from './seededRandom.js';

/** A win rate's posterior Beta(alpha, beta): its mean alpha / (alpha + beta) is the rate the forecast uses. */
export interface WinRatePosterior {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * What Monte Carlo draws besides the deals' own coin flips (metrics.md "Calibration"): the uncertainty of each stage
 * cell's win rate and a factor every open deal of the scope shares in a draw (the period-level co-movement).
 */
export interface WinRateUncertainty {
  /** Per deal (in the order of the amounts), the index of its cell in `cells`. */
  readonly cellOf: ArrayLike<number>;
  /**
   * Each cell's posterior: per draw, the cell's rate x is drawn from it and each of its deals' probability p becomes
   * p × x / mean (deals of one cell move together).
   */
  readonly cells: readonly WinRatePosterior[];
  /**
   * The period factor θ multiplying every deal's probability in a draw (capped at 1): log-normal with mean `mean`
   * and standard deviation `sd` of log θ (sd 0: θ = mean in every draw).
   */
  readonly factor: { readonly mean: number; readonly sd: number };
  /**
   * A won deal counts its amount × one of these ratios, picked uniformly (won amount / amount at the point of past
   * deals, see `periodFactor`); without them (or empty) its amount. The pick reuses the coin's number: given u below
   * the threshold t, u / t is uniform on [0, 1), so no further random number is drawn.
   */
  readonly amountRatios?: ArrayLike<number>;
}

const TWO_POW_32 = 4294967296;
/**
 * Draws that share one draw of the factor and the cells' rates (each still takes its own coins). Every draw is then
 * still a draw of the mixture — rates from their law, coins given the rates — only neighbours are not independent,
 * which widens the Monte Carlo error a little and cuts the Beta variates (several uniforms and logarithms each) 16-fold.
 */
export const DRAWS_PER_RATE_DRAW = 16;

/**
 * Adds Σ Bernoulli(p̃ᵢ) × amountᵢ (× a ratio picked from `amountRatios` when given) to every draw, where per draw
 * p̃ᵢ = min(1, θ × pᵢ × x_c / mean_c): θ the draw's period factor, x_c the draw's rate of deal i's cell from its Beta
 * posterior (θ and the x_c are drawn anew every DRAWS_PER_RATE_DRAW draws). Given θ and the x_c, deals are
 * independent. A cell's rate is drawn only where it matters to the draw's law: for a cell of two live deals or more
 * (they move together), and for a cell of one when θ could push its chance over 1; a lone deal's coin is otherwise
 * tossed at θ × pᵢ, the chance its drawn rate gives on average, which is the same law of the draw. Certain deals
 * (p ≥ 1) are added to every draw and impossible ones (p ≤ 0) to none, whatever θ. One 32-bit number per deal and
 * draw decides the coin (p̃ resolved to 2⁻³²); the factor and the cells' rates take their numbers from the same
 * stream first, so the same generator state gives the same draws.
 *
 * @example
 * const totals = new Float64Array(10_000);
 * addUncertainDeals(totals, [100, 200], [0.5, 0.5], { cellOf: [0, 0], cells: [{ alpha: 5, beta: 5 }],
 *   factor: { mean: 1, sd: 0.1 } }, seededRandom(1));
 */
export function addUncertainDeals(
  totals: Float64Array,
  amounts: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  uncertainty: WinRateUncertainty,
  random: RandomSource,
): void {
  const { cellOf, cells, factor } = uncertainty;
  const ratios = float64Once(uncertainty.amountRatios ?? []);
  const n = totals.length;
  const live: number[] = [];
  let certain = 0;
  for (let i = 0; i < amounts.length; i++) {
    const p = probabilities[i] as number;
    if (p >= 1) certain += amounts[i] as number;
    else if (p > 0) live.push(i);
  }
  // Deals grouped by cell, each group's coins compared with p × 2³² × the cell's scale of the draw.
  live.sort((a, b) => (cellOf[a] as number) - (cellOf[b] as number) || a - b);
  const m = live.length;
  const amount = Float64Array.from(live, (i) => amounts[i] as number);
  const threshold = Float64Array.from(live, (i) => (probabilities[i] as number) * TWO_POW_32);
  const groupEnd = new Int32Array(cells.length);
  for (let k = 0; k < m; k++) groupEnd[cellOf[live[k] as number] as number] = k + 1;
  for (let c = 1; c < cells.length; c++) groupEnd[c] = Math.max(groupEnd[c] as number, groupEnd[c - 1] as number);
  // The cells' means in a typed array, read on every draw of the rates: a million-deal forecast's cell objects lie
  // scattered over a heap of 1.5 GB, where reading them was a cache miss each (31,000 cells × 625 draws of the rates).
  const means = Float64Array.from(cells, (c) => (c.alpha + c.beta > 0 ? c.alpha / (c.alpha + c.beta) : 0));
  // Each cell's rate of the draw; a cell whose rate is not drawn keeps its mean (its deals' chances × θ). A cell of
  // mean 0 draws no rate (its deals' chances stay 0), nor does a cell without a live deal.
  const rates = Float64Array.from(means);
  const { shared, lone, loneCap } = cellsToDraw(cells, means, groupEnd, threshold);
  const lawsOf = (some: readonly number[]) =>
    betaLaws(
      Float64Array.from(some, (c) => (cells[c] as WinRatePosterior).alpha),
      Float64Array.from(some, (c) => (cells[c] as WinRatePosterior).beta),
    );
  const sharedLaws = lawsOf(shared);
  const loneLaws = lawsOf(lone);
  const sharedRates = new Float64Array(shared.length);
  const loneRates = new Float64Array(lone.length);
  let lonesDrawn = false;
  const betaVariates = betaVariatesFrom(random);
  // Each deal's threshold × its cell's scale of the draw, made once per draw of the rates, not once per draw.
  const scaled = new Float64Array(m);
  const sumBelow = sumBelowFrom(random);
  // With amount ratios the coins' numbers also pick a ratio (the same numbers sumBelow takes).
  const addBelowTimesRatio = addBelowTimesRatioFrom(random);
  const sd = Math.max(0, factor.sd);
  for (let first = 0; first < n; first += DRAWS_PER_RATE_DRAW) {
    const theta = sd > 0 ? factor.mean * Math.exp(sd * standardNormal(random) - (sd * sd) / 2) : factor.mean;
    betaVariates(sharedLaws, sharedRates);
    for (let j = 0; j < shared.length; j++) rates[shared[j] as number] = sharedRates[j] as number;
    // A lone deal's coin with its cell's rate drawn is, over the rate, a coin of chance θ p (the rate's mean is the
    // cell's): the same law of the draw, without a Beta variate, unless θ lets a drawn rate cap its chance at 1.
    if (theta > loneCap) {
      betaVariates(loneLaws, loneRates);
      for (let j = 0; j < lone.length; j++) rates[lone[j] as number] = loneRates[j] as number;
      lonesDrawn = true;
    } else if (lonesDrawn) {
      for (const c of lone) rates[c] = means[c] as number;
      lonesDrawn = false;
    }
    let k = 0;
    for (let c = 0; c < cells.length; c++) {
      const mean = means[c] as number;
      const s = mean > 0 ? (theta * (rates[c] as number)) / mean : 0;
      // A chance above 1 is certain: its coin's number is then uniform below 2³², not below its threshold.
      for (const end = groupEnd[c] as number; k < end; k++)
        scaled[k] = Math.min((threshold[k] as number) * s, TWO_POW_32);
    }
    const end = Math.min(n, first + DRAWS_PER_RATE_DRAW);
    if (ratios.length > 0) addBelowTimesRatio(totals, first, end, certain, amount, scaled, ratios);
    else for (let d = first; d < end; d++) totals[d] = (totals[d] as number) + sumBelow(certain, amount, scaled);
  }
}

/**
 * The cells whose rates a draw needs: `shared`, the cells of two live deals or more (their deals move together); `lone`,
 * the cells of one, needed only for a θ above `loneCap` (the smallest mean / p of their deals), where a rate drawn
 * near 1 could make θ × p × rate / mean a chance above 1, capped. Cells of mean 0 or without a live deal need none.
 */
function cellsToDraw(
  cells: readonly WinRatePosterior[],
  means: Float64Array,
  groupEnd: Int32Array,
  threshold: Float64Array,
): { shared: number[]; lone: number[]; loneCap: number } {
  const shared: number[] = [];
  const lone: number[] = [];
  let loneCap = Infinity;
  for (let c = 0; c < cells.length; c++) {
    const end = groupEnd[c] as number;
    const size = end - (c > 0 ? (groupEnd[c - 1] as number) : 0);
    if (!((means[c] as number) > 0) || size === 0) continue;
    if (size > 1) shared.push(c);
    else {
      lone.push(c);
      loneCap = Math.min(loneCap, ((means[c] as number) * TWO_POW_32) / (threshold[end - 1] as number));
    }
  }
  return { shared, lone, loneCap };
}
