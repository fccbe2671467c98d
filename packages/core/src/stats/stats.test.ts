import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooledShrinkage, shrunkRate } from './pooledShrinkage.js';
import { gini } from './gini.js';
import { median } from './median.js';
import { populationStdDev } from './populationStdDev.js';
import { rankings } from './rankings.js';
import { ratio } from './ratio.js';
import { wilsonInterval } from './wilsonInterval.js';

describe('stats', () => {
  it('ratio is null for a zero or missing denominator', () => {
    expect([ratio(3, 4), ratio(3, 0), ratio(null, 2), ratio(2, null)]).toEqual([0.75, null, null, null]);
  });

  it('median equals the middle of the sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        const expected = n % 2 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
        return median(values) === expected;
      }),
    );
  });

  it('median and population sd by hand', () => {
    expect([median([5, 1, 3]), median([4, 1, 3, 2]), median([])]).toEqual([3, 2.5, null]);
    expect(populationStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2 });
  });

  it('gini by hand and within [0, 1] for any non-negative values', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBe(0.75); // (2·16)/(4·4) − 5/4
    expect(gini([0, 0])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const g = gini(values);
        return g === null || (g >= -1e-12 && g <= 1);
      }),
    );
  });

  it('wilson interval by hand', () => {
    const w = wilsonInterval(8, 10)!;
    expect(w.lower).toBeCloseTo(0.4902, 4);
    expect(w.upper).toBeCloseTo(0.9433, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('ranks with shared lowest ranks, percentiles and signed z-scores', () => {
    const r = rankings([0.9, 1.2, 0.9, null], 'higher');
    expect(r.map((x) => x.rank)).toEqual([2, 1, 2, null]);
    // 0.9: 0 below, 2 tied → 100 × (0 + 1) / 3; 1.2: 2 below, 1 tied → 100 × 2.5 / 3.
    expect(r.map((x) => x.percentile)).toEqual([100 / 3, 250 / 3, 100 / 3, null]);
    expect(r[1]?.zScore).toBeCloseTo((1.2 - 1) / Math.sqrt(0.02), 10);
    // Lower is better: 10 days beats 20 days.
    expect(rankings([20, 10], 'lower').map((x) => [x.rank, x.zScore])).toEqual([
      [2, -1],
      [1, 1],
    ]);
  });

  it('rank and percentile agree: a better value never has a worse rank or a lower percentile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (values, higher) => {
          const r = rankings(values, higher ? 'higher' : 'lower');
          for (let i = 0; i < values.length; i++) {
            for (let j = 0; j < values.length; j++) {
              const better = higher ? values[i]! > values[j]! : values[i]! < values[j]!;
              if (better && !(r[i]!.rank! < r[j]!.rank! && r[i]!.percentile! > r[j]!.percentile!)) return false;
              if (values[i] === values[j] && (r[i]!.rank !== r[j]!.rank || r[i]!.percentile !== r[j]!.percentile))
                return false;
            }
          }
          return true;
        },
      ),
    );
  });

  it('shrinks a rate toward the pooled group rate with strength max(2, median closed)', () => {
    // 2/2, 1/4, 3/6 and a member without trials: μ = 6/12 = 0.5, median(2, 4, 6) = 4 → s = 4.
    const target = pooledShrinkage([
      { successes: 2, trials: 2 },
      { successes: 1, trials: 4 },
      { successes: 3, trials: 6 },
      { successes: 0, trials: 0 },
    ])!;
    expect(target).toEqual({ mean: 0.5, strength: 4 });
    expect(shrunkRate(2, 2, target)).toBeCloseTo(4 / 6, 12);
    expect(shrunkRate(1, 4, target)).toBeCloseTo(3 / 8, 12);
    expect(shrunkRate(0, 0, target)).toBeNull();
    // Small samples: the median 1 is raised to the floor of 2.
    expect(
      pooledShrinkage([
        { successes: 1, trials: 1 },
        { successes: 0, trials: 1 },
      ]),
    ).toEqual({ mean: 0.5, strength: 2 });
    expect(pooledShrinkage([{ successes: 0, trials: 0 }])).toBeNull();
    expect(shrunkRate(3, 3, null)).toBeNull();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ trials: fc.integer({ min: 0, max: 60 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
          { minLength: 1, maxLength: 12 },
        ),
        (raw) => {
          const peers = raw.map(({ trials, share }) => ({ trials, successes: Math.round(trials * share) }));
          const target = pooledShrinkage(peers);
          if (!target) return peers.every((p) => p.trials === 0);
          return peers.every(({ successes, trials }) => {
            const shrunk = shrunkRate(successes, trials, target);
            if (trials === 0) return shrunk === null;
            const rate = successes / trials;
            return shrunk! >= Math.min(rate, target.mean) - 1e-12 && shrunk! <= Math.max(rate, target.mean) + 1e-12;
          });
        },
      ),
    );
  });
});
