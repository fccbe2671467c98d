import { describe, expect, it } from 'vitest';
import { lowerBound, upperBound } from './sortedBounds.js';

describe('lowerBound and upperBound', () => {
  const sorted = Int32Array.from([1, 2, 2, 5]);

  it('find the first item ≥ and > a key, the length past the end', () => {
    expect([0, 1, 2, 3, 5, 6].map((k) => lowerBound(sorted, k))).toEqual([0, 0, 1, 3, 3, 4]);
    expect([0, 1, 2, 3, 5, 6].map((k) => upperBound(sorted, k))).toEqual([0, 1, 3, 3, 4, 4]);
  });

  it('count the items in a range as a difference, over strings too', () => {
    const dates = ['2026-01-01', '2026-01-15', '2026-02-01', '2026-03-31'];
    expect(upperBound(dates, '2026-02-28') - lowerBound(dates, '2026-01-15')).toBe(2);
    expect(lowerBound([], 'x')).toBe(0);
  });
});
