import { describe, expect, it } from 'vitest';
import { seededRandom, sumBelowFrom, type RandomSource } from './seededRandom.js';

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
