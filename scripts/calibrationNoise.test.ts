import { describe, expect, it } from 'vitest';
import { calibrationNoise, type PeriodCalibrationPoint } from './calibrationNoise.js';

/** `n` rep forecasts of `period` at 7 days, the first `inside` of them with the actual inside P10–P90 and below P50. */
function quarter(period: string, n: number, inside: number): PeriodCalibrationPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    period,
    scope: { type: 'rep' as const },
    horizon: 7,
    p10: 10,
    p50: 20,
    p90: 30,
    actual: i < inside ? 15 : 40,
  }));
}

describe('calibrationNoise: the spread of a pooled calibration share', () => {
  it('gives the binomial SE at the target and no bootstrap spread when every quarter scores alike', () => {
    const [row] = calibrationNoise([...quarter('Q1', 10, 8), ...quarter('Q2', 10, 8), ...quarter('Q3', 10, 8)]);
    expect(row).toMatchObject({ horizon: 7, count: 30, periods: 3 });
    // √(0.8 · 0.2 / 30) and √(0.5 · 0.5 / 30).
    expect(row?.inside.binomialSe).toBeCloseTo(Math.sqrt(0.16 / 30), 12);
    expect(row?.belowP50.binomialSe).toBeCloseTo(Math.sqrt(0.25 / 30), 12);
    // 0 but for the rounding of a mean of 4,000 shares of 0.8.
    expect(row?.inside.bootstrapSd).toBeCloseTo(0, 12);
    expect(row?.inside.low).toBeCloseTo(0.8, 12);
    expect(row?.inside.high).toBeCloseTo(0.8, 12);
  });

  it('resamples whole quarters: one quarter all inside and one all outside give 0, ½ or 1 with odds ¼, ½, ¼', () => {
    const [row] = calibrationNoise([...quarter('Q1', 20, 20), ...quarter('Q2', 20, 0)], 20_000, 3);
    // SD of that law: √(¼·¼ + ½·0 + ¼·¼) = √⅛ ≈ 0.354, whatever the 20 forecasts per quarter (binomial SE 0.063).
    expect(Math.abs((row?.inside.bootstrapSd ?? 0) - Math.sqrt(1 / 8))).toBeLessThan(0.01);
    expect([row?.inside.low, row?.inside.high]).toEqual([0, 1]);
    // Below P50 follows inside here (actual 15 < P50, 40 above it).
    expect(Math.abs((row?.belowP50.bootstrapSd ?? 0) - Math.sqrt(1 / 8))).toBeLessThan(0.01);
  });

  it('leaves out forecasts without percentiles', () => {
    const none = { ...quarter('Q1', 1, 1)[0]!, p10: null };
    expect(calibrationNoise([none])).toEqual([]);
  });
});
