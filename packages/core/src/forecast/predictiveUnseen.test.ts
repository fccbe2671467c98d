import { describe, expect, it } from 'vitest';
import { monteCarloForecast } from './monteCarloForecast.js';
import { predictiveUnseen } from './predictiveUnseen.js';
import { seededRandom } from './seededRandom.js';

describe('predictiveUnseen: the past periods widened to the spread of a new period', () => {
  it('two periods: mean ± √3 × the half-distance', () => {
    // K = 2, mean 2, f = √(3/1).
    const [low, high] = predictiveUnseen([1, 3]) as [number, number];
    expect(low).toBeCloseTo(2 - Math.sqrt(3), 12);
    expect(high).toBeCloseTo(2 + Math.sqrt(3), 12);
  });

  it('three periods: a pick has the variance s²(1 + 1/K) of a new observation, and the draws follow that law', () => {
    // [6, 10, 14]: mean 10, s² = (16 + 0 + 16) / 2 = 16; f = √(4/2) = √2 gives 10 ∓ 4√2.
    // A uniform pick of the three has variance (2/3) · 2 · 16 = 21.33 = 16 · (1 + 1/3).
    const widened = predictiveUnseen([6, 10, 14]);
    expect(widened[0]).toBeCloseTo(10 - 4 * Math.SQRT2, 12);
    expect(widened[1]).toBeCloseTo(10, 12);
    expect(widened[2]).toBeCloseTo(10 + 4 * Math.SQRT2, 12);
    const variance = widened.reduce((s, x) => s + (x - 10) ** 2, 0) / 3;
    expect(variance).toBeCloseTo((16 * 4) / 3, 10);
    // Monte Carlo with no deals draws each value a third of the time: P10, P50 and P90 are the three values.
    const mc = monteCarloForecast(0, [], [], seededRandom(3), 30_000, widened);
    expect(mc.p10).toBeCloseTo(10 - 4 * Math.SQRT2, 9);
    expect(mc.p50).toBeCloseTo(10, 9);
    expect(mc.p90).toBeCloseTo(10 + 4 * Math.SQRT2, 9);
  });

  it('never draws below zero: the widening stops where the smallest value reaches 0, and the mean stays', () => {
    // [2, 10, 12]: mean 8, f = √2 would put 2 at 8 − 6√2 < 0; f = 8 / 6 maps it to 0, 10 to 10.667, 12 to 13.333.
    const widened = predictiveUnseen([2, 10, 12]);
    expect(widened[0]).toBeCloseTo(0, 12);
    expect(widened[1]).toBeCloseTo(8 + (8 / 6) * 2, 12);
    expect(widened[2]).toBeCloseTo(8 + (8 / 6) * 4, 12);
    expect(widened.reduce((s, x) => s + x, 0) / 3).toBeCloseTo(8, 12);
  });

  it('one period or none: nothing to widen', () => {
    expect(predictiveUnseen([5])).toEqual([5]);
    expect(predictiveUnseen([])).toEqual([]);
  });
});
