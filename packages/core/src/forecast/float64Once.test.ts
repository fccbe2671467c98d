import { describe, expect, it } from 'vitest';
import { float64Once } from './float64Once.js';

describe('float64Once: an array of numbers as a Float64Array, copied once', () => {
  it('holds the same numbers, and hands out one copy per array', () => {
    const ratios = [0.5, 1.25, 1 / 3];
    const copy = float64Once(ratios);
    expect(Array.from(copy)).toEqual(ratios);
    expect(float64Once(ratios)).toBe(copy);
    expect(float64Once([0.5, 1.25, 1 / 3])).not.toBe(copy);
    expect(float64Once([]).length).toBe(0);
  });
});
