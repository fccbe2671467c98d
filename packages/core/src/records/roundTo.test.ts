import { describe, expect, it } from 'vitest';
import { roundTo } from './roundTo.js';

describe('roundTo', () => {
  it('rounds half away from zero without binary artefacts', () => {
    expect(roundTo(7487957.789195121, 2)).toBe(7487957.79);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(1.23456, 4)).toBe(1.2346);
  });

  it('never gives -0, and keeps null', () => {
    expect(Object.is(roundTo(-0.004, 2), 0)).toBe(true);
    expect(roundTo(null, 2)).toBeNull();
  });
});
