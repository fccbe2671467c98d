import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantilesInPlace, sortedQuantile } from './forecastDistribution.js';

describe('quantilesInPlace', () => {
  it('gives what sortedQuantile gives on the sorted values, with ties, duplicates and any order of q', () => {
    // −0 and +0 are equal to a selection; a sort puts −0 first (no Monte Carlo total is −0: they start at closedWon + 0).
    const double = fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((x) => x + 0);
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), double);
    const q = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.array(q, { minLength: 1, maxLength: 5 }),
        (xs, qs) => {
          const sorted = Float64Array.from(xs).sort();
          expect(quantilesInPlace(Float64Array.from(xs), qs)).toEqual(qs.map((x) => sortedQuantile(sorted, x)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('selects the deciles of 10,000 draws as a sort does', () => {
    const draws = Float64Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 10_007) * 1.5);
    const sorted = Float64Array.from(draws).sort();
    expect(quantilesInPlace(draws, [0.9, 0.1, 0.5])).toEqual([0.9, 0.1, 0.5].map((x) => sortedQuantile(sorted, x)));
  });
});
