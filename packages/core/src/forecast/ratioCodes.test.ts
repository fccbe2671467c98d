import { describe, expect, it } from 'vitest';
import { ratioCodesOnce } from './ratioCodes.js';

describe('ratioCodesOnce: ratios as codes into their distinct values', () => {
  it('gives back every ratio as the same double, −0 and NaN included, coded once per array', () => {
    const ratios = Float64Array.of(1, 1.5, 1, -0, 0, NaN, 1 / 3, 1.5);
    const coded = ratioCodesOnce(ratios);
    expect(coded).not.toBeNull();
    for (let i = 0; i < ratios.length; i++) expect(Object.is(coded!.distinct[coded!.codes[i]!], ratios[i])).toBe(true);
    expect(coded!.distinct.length).toBe(6);
    expect(ratioCodesOnce(ratios)).toBe(coded);
  });

  it('is null beyond 2¹⁶ distinct ratios', () => {
    expect(ratioCodesOnce(Float64Array.from({ length: 65_537 }, (_, i) => i))).toBeNull();
    expect(ratioCodesOnce(Float64Array.from({ length: 65_536 }, (_, i) => i))?.distinct.length).toBe(65_536);
  });
});
