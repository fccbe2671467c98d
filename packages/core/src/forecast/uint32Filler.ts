import type { BulkRandomSource, RandomSource } from './seededRandom.js';

/**
 * Outputs a batched Monte Carlo kernel takes between its passes (see `addBelowTimesRatio`, `addPairsBelowFrom`): the
 * numbers, places and indices of 4,096 stay in the L1 cache.
 */
export const BATCH_OUTPUTS = 4096;

/**
 * A function that fills a Uint32Array with the next outputs of `random` × 2³² (in bulk when the source offers it).
 *
 * @example
 * const fill = uint32Filler(seededRandom(1));
 * fill(new Uint32Array(1024));
 */
export function uint32Filler(random: RandomSource): (out: Uint32Array) => void {
  const { fillUint32 } = random as Partial<BulkRandomSource>;
  if (fillUint32) return (out) => fillUint32.call(random, out);
  return (out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.floor(random() * 4294967296);
  };
}

/**
 * The unfused path of the Monte Carlo sums (`sumBelowFrom`, `sumPairsBelowFrom`, …): a function giving the next `count`
 * outputs × 2³², in one reused array.
 */
export function nextOutputs(random: RandomSource): (count: number) => Uint32Array {
  const fill = uint32Filler(random);
  let numbers = new Uint32Array(0);
  return (count) => {
    if (numbers.length !== count) numbers = new Uint32Array(count);
    fill(numbers);
    return numbers;
  };
}
