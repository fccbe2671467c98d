import { describe, expect, it } from 'vitest';
import { addRenewalDraws, renewalDrawsMean, renewalsCeiling } from './addRenewalDraws.js';
import { DRAWS_PER_RATE_DRAW } from './addUncertainDeals.js';
import { seededRandom } from './seededRandom.js';

describe('addRenewalDraws: renewals not opened yet, drawn contract by contract', () => {
  // Contracts of 100 and 40, renewal rate x ~ Beta(3, 1) shared by both, ratio 0.5 or 1.5 each, independently.
  // E[x] = 3/4, E[x²] = 3·4 / (4·5) = 0.6: both renewed 0.6, one of them E[x(1 − x)] = 0.75 − 0.6 = 0.15 each,
  // neither E[(1 − x)²] = 1 − 1.5 + 0.6 = 0.1 (independent coins at 3/4 would give 0.5625 / 0.1875 / 0.0625).
  // Values: 0 (0.1); 50, 150 (A alone, 0.075 each); 20, 60 (B alone, 0.075 each); 70, 110, 170, 210 (both, 0.15 each).
  const law = { winRate: { alpha: 3, beta: 1 }, ratios: [0.5, 1.5] };
  const exact = new Map([
    [0, 0.1],
    [50, 0.075],
    [150, 0.075],
    [20, 0.075],
    [60, 0.075],
    [70, 0.15],
    [110, 0.15],
    [170, 0.15],
    [210, 0.15],
  ]);

  it('draws the mixture law of the hand-computed example', () => {
    const n = 160_000;
    const totals = new Float64Array(n);
    addRenewalDraws(totals, [100, 40], law, seededRandom(5));
    // The rate is shared by DRAWS_PER_RATE_DRAW neighbouring draws: errors are those of n / 16 draws at most.
    const effective = n / DRAWS_PER_RATE_DRAW;
    let seen = 0;
    for (const [value, p] of exact) {
      const share = totals.filter((x) => x === value).length / n;
      seen += share;
      expect(Math.abs(share - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / effective));
    }
    expect(seen).toBe(1);
    const mean = totals.reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(mean - 105)).toBeLessThan(2);
  });

  it('gives the expected value the point forecast adds: Σ amount × E[x] × mean ratio', () => {
    expect(renewalDrawsMean([100, 40], law)).toBeCloseTo(105, 10);
    expect(renewalDrawsMean([], law)).toBe(0);
  });

  it('can add at most every contract renewed at the largest ratio (the high bound): 140 × 1.5 = 210', () => {
    expect(renewalsCeiling([100, 40], law)).toBe(210);
    expect(renewalsCeiling([], law)).toBe(0);
  });

  it("takes the largest of a million-deal org's past ratios (more than the call stack takes as arguments)", () => {
    const ratios = Array.from({ length: 500_000 }, (_, i) => (i === 123_456 ? 2.5 : 1 + (i % 7) / 10));
    expect(renewalsCeiling([100, 40], { winRate: law.winRate, ratios })).toBe(350);
  });

  it('adds nothing without contracts and keeps the draws of the same generator state', () => {
    const none = new Float64Array(100).fill(7);
    addRenewalDraws(none, [], law, seededRandom(1));
    expect(none.every((x) => x === 7)).toBe(true);
    const a = new Float64Array(1000);
    const b = new Float64Array(1000);
    addRenewalDraws(a, [100, 40], law, seededRandom(9));
    addRenewalDraws(b, [100, 40], law, seededRandom(9));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
