import { BATCH_OUTPUTS, nextOutputs } from './uint32Filler.js';
import type { RandomSource } from './seededRandom.js';

const TWO_POW_32 = 4294967296;

/**
 * A function giving `base` + Σ values[k] × ratios[min(R − 1, ⌊(u₂ / 2³²) × R⌋)] over the k whose first of two next
 * outputs u₁ (× 2³²) is below `threshold`, taking `2 × values.length` outputs (the second of each pair whether or not
 * the first is below): a contract renewed with a ratio picked uniformly from R (see `addRenewalDraws`).
 *
 * @example
 * const sum = sumPairsBelowFrom(seededRandom(1));
 * sum(0, Float64Array.of(100, 40), 2 ** 31, Float64Array.of(0.5, 1.5)); // one of 0, 20, 50, 60, 70, …, 210
 */
export function sumPairsBelowFrom(
  random: RandomSource,
): (base: number, values: Float64Array, threshold: number, ratios: Float64Array) => number {
  const next = nextOutputs(random);
  const sumPairs = pairsSummer();
  return (base, values, threshold, ratios) => sumPairs(next(2 * values.length), 0, base, values, threshold, ratios);
}

/**
 * A function adding `sumPairsBelow(0, values, threshold, ratios)` to totals[d] for d from `from` up to `to`, the
 * numbers of several draws drawn in one go: the same totals and outputs taken, without a call per draw of a team's
 * few contracts.
 *
 * @example
 * const add = addPairsBelowFrom(seededRandom(1));
 * add(new Float64Array(16), 0, 16, Float64Array.of(100, 40), 2 ** 31, Float64Array.of(0.5, 1.5));
 */
export function addPairsBelowFrom(
  random: RandomSource,
): (
  totals: Float64Array,
  from: number,
  to: number,
  values: Float64Array,
  threshold: number,
  ratios: Float64Array,
) => void {
  const next = nextOutputs(random);
  const sumPairs = pairsSummer();
  return (totals, from, to, values, threshold, ratios) => {
    const perDraw = 2 * values.length;
    const group = Math.max(1, Math.floor(BATCH_OUTPUTS / Math.max(1, perDraw)));
    for (let first = from; first < to; first += group) {
      const end = Math.min(to, first + group);
      const numbers = next(perDraw * (end - first));
      for (let d = first; d < end; d++) {
        const sum = sumPairs(numbers, perDraw * (d - first), 0, values, threshold, ratios);
        totals[d] = (totals[d] as number) + sum;
      }
    }
  };
}

/**
 * `sumPairsBelow` over outputs already drawn, from numbers[at]: the renewed kept first, without a branch (see
 * `sumBelowTimesRatio`), with the index of the ratio each pair's second number picks, ⌊(u₂ / 2³²) × R⌋ (truncated:
 * u₂ / 2³² is in [0, 1)); a threshold of NaN takes every contract, as `u₁ >= threshold … continue` always did.
 */
function pairsSummer(): (
  numbers: Uint32Array,
  at: number,
  base: number,
  values: Float64Array,
  threshold: number,
  ratios: Float64Array,
) => number {
  let taken = new Int32Array(0);
  let picked = new Int32Array(0);
  return (numbers, at, base, values, threshold, ratios) => {
    if (taken.length < values.length) {
      taken = new Int32Array(values.length);
      picked = new Int32Array(values.length);
    }
    const count = ratios.length;
    let kept = 0;
    for (let k = 0; k < values.length; k++) {
      taken[kept] = k;
      picked[kept] = ((numbers[at + 2 * k + 1] as number) / TWO_POW_32) * count;
      kept += Number(!((numbers[at + 2 * k] as number) >= threshold));
    }
    // pickRatio's min(R − 1, index), for an index at most R.
    const last = count - 1;
    let sum = base;
    for (let j = 0; j < kept; j++) {
      const i = picked[j] as number;
      sum += (values[taken[j] as number] as number) * (ratios[i < last ? i : last] as number);
    }
    return sum;
  };
}
