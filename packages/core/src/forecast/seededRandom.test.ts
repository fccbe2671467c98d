import { describe, expect, it } from 'vitest';
import {
  seededRandom,
  sumBelowFrom,
  sumBelowTimesRatioFrom,
  sumPairsBelowFrom,
  type RandomSource,
} from './seededRandom.js';

/** The plain definition: the next outputs one at a time, each compared with its threshold. */
function sumBelowByCalls(random: RandomSource, base: number, values: Float64Array, thresholds: Float64Array): number {
  let sum = base;
  for (let k = 0; k < values.length; k++)
    if (random() * 2 ** 32 < (thresholds[k] as number)) sum += values[k] as number;
  return sum;
}

describe('sumBelow: coins summed as the generator steps', () => {
  it('gives the sum of the outputs compared one at a time, and walks the same stream, fused or not', () => {
    const reference = seededRandom(7);
    const fused = seededRandom(7);
    const plain = seededRandom(7);
    const fusedSum = sumBelowFrom(fused);
    // A source without the bulk methods takes the unfused path.
    const plainSum = sumBelowFrom(() => plain());
    for (const size of [0, 1, 5, 300, 4097]) {
      const values = Float64Array.from({ length: size }, (_, k) => 1 + (k % 13) * 0.25);
      const thresholds = Float64Array.from({ length: size }, (_, k) => ((k * 7919) % 1000) * 4294967.296);
      const expected = sumBelowByCalls(reference, 10, values, thresholds);
      expect(fusedSum(10, values, thresholds)).toBe(expected);
      expect(plainSum(10, values, thresholds)).toBe(expected);
      // Interleaved single numbers stay on the stream.
      const next = reference();
      expect(fused()).toBe(next);
      expect(plain()).toBe(next);
    }
  });

  it('takes a coin at threshold 2³² always and at 0 never', () => {
    const sumBelow = sumBelowFrom(seededRandom(1));
    expect(sumBelow(0, Float64Array.of(5, 7), Float64Array.of(2 ** 32, 0))).toBe(5);
  });
});

/** The ratio a number u picks: ratios[⌊(u / limit) × R⌋], the last one at most (addUncertainDeals' plain definition). */
function pickedRatio(ratios: Float64Array, u: number, limit: number): number {
  return ratios[Math.min(ratios.length - 1, Math.floor((u / limit) * ratios.length))] as number;
}

describe('sumBelowTimesRatio and sumPairsBelow: ratios picked as the generator steps', () => {
  const ratios = Float64Array.of(0.5, 0.75, 1, 1.25, 1.5, 2, 3);

  it('gives the sum of the outputs compared and picked one at a time, fused or not, and walks the same stream', () => {
    const reference = seededRandom(3);
    const fused = seededRandom(3);
    const plain = seededRandom(3);
    const fusedSum = sumBelowTimesRatioFrom(fused);
    const plainSum = sumBelowTimesRatioFrom(() => plain());
    for (const size of [0, 1, 5, 300, 4097]) {
      const values = Float64Array.from({ length: size }, (_, k) => 1 + (k % 13) * 0.25);
      // Thresholds from 0 to 2³², a coin's number picking the ratio of its place below the threshold.
      const thresholds = Float64Array.from({ length: size }, (_, k) => ((k * 7919) % 1001) * 4294967.296);
      let expected = 10;
      for (let k = 0; k < size; k++) {
        const u = reference() * 2 ** 32;
        const limit = thresholds[k] as number;
        if (u < limit) expected += (values[k] as number) * pickedRatio(ratios, u, limit);
      }
      expect(fusedSum(10, values, thresholds, ratios)).toBe(expected);
      expect(plainSum(10, values, thresholds, ratios)).toBe(expected);
      const next = reference();
      expect(fused()).toBe(next);
      expect(plain()).toBe(next);
    }
  });

  it('takes two numbers per value, the second picking the ratio whether or not the first is below', () => {
    const reference = seededRandom(4);
    const fused = seededRandom(4);
    const plain = seededRandom(4);
    const fusedSum = sumPairsBelowFrom(fused);
    const plainSum = sumPairsBelowFrom(() => plain());
    for (const [size, threshold] of [
      [0, 2 ** 31],
      [1, 2 ** 32],
      [7, 0],
      [300, 0.3 * 2 ** 32],
      [4097, 0.8 * 2 ** 32],
      [3, NaN],
    ] as const) {
      const values = Float64Array.from({ length: size }, (_, k) => 100 + k);
      let expected = 1;
      for (let k = 0; k < size; k++) {
        const coin = reference() * 2 ** 32;
        const pick = reference() * 2 ** 32;
        // addRenewalDraws' plain definition: a contract is left out when its number is at or above the threshold.
        if (!(coin >= threshold)) expected += (values[k] as number) * pickedRatio(ratios, pick, 2 ** 32);
      }
      expect(fusedSum(1, values, threshold, ratios)).toBe(expected);
      expect(plainSum(1, values, threshold, ratios)).toBe(expected);
      const next = reference();
      expect(fused()).toBe(next);
      expect(plain()).toBe(next);
    }
  });
});
