import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './wireValue.js';

describe('isCalendarDate', () => {
  it('is true exactly for the days the proleptic Gregorian calendar has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (year, month, day) => {
          const d = new Date(0);
          d.setUTCFullYear(year, month - 1, day);
          const real = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
          expect(isCalendarDate(year, month, day)).toBe(real);
        },
      ),
      { numRuns: 5000 },
    );
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
  });
});
