import { describe, expect, it } from 'vitest';
import { accuracyMetrics } from './accuracyMetrics.js';
import { seasonalNaiveScale } from './seasonalNaiveScale.js';

describe('accuracyMetrics (metrics.md "Forecast accuracy")', () => {
  // Three periods: A = 100, 0, 50 against F = 80, 10, 50.
  // e = A − F = 20, −10, 0.
  const points = [
    { actual: 100, forecast: 80, p10: 70, p50: 85, p90: 95, scale: 10 },
    { actual: 0, forecast: 10, p10: 0, p50: 10, p90: 20, scale: 10 },
    { actual: 50, forecast: 50, p10: 40, p50: 50, p90: 60, scale: null },
  ];
  const m = accuracyMetrics(points);

  it('MAPE leaves A = 0 out; WAPE and bias divide by ΣA', () => {
    expect(m.count).toBe(3);
    expect(m.actual).toBe(150);
    // APE: 20/100 = 0.2 and 0/50 = 0 (A = 0 left out) → MAPE 0.1.
    expect(m.mape).toBeCloseTo(0.1, 12);
    // WAPE = (20 + 10 + 0) / 150 = 0.2; bias = ((80 − 100) + (10 − 0) + 0) / 150 = −10 / 150.
    expect(m.wape).toBeCloseTo(0.2, 12);
    expect(m.bias).toBeCloseTo(-10 / 150, 12);
    // ME = (20 − 10 + 0) / 3; MAE = 30 / 3 = 10; RMSE = √((400 + 100 + 0) / 3).
    expect(m.me).toBeCloseTo(10 / 3, 12);
    expect(m.mae).toBeCloseTo(10, 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt(500 / 3), 12);
  });

  it('sMAPE (M4) counts 0/0 as 0', () => {
    // 200·20/180 = 22.2…, 200·10/10 = 200, 200·0/100 = 0 → mean (22.22… + 200 + 0) / 3.
    expect(m.smape).toBeCloseTo((4000 / 180 + 200) / 3, 10);
    expect(accuracyMetrics([{ actual: 0, forecast: 0 }]).smape).toBe(0);
  });

  it('coverage of [P10, P90] and pinball losses divided by ΣA', () => {
    // 100 ∉ [70, 95]; 0 ∈ [0, 20]; 50 ∈ [40, 60] → 2 / 3.
    expect(m.coverage).toBeCloseTo(2 / 3, 12);
    // q = 0.1: A ≥ Q → 0.1 (A − Q): 0.1 × 30 = 3; 0 − 0 = 0; 0.1 × 10 = 1 → 4 / 150.
    // q = 0.5: 0.5 × 15 = 7.5; 0.5 × 10 = 5 (A < Q: (1 − q)(Q − A)); 0 → 12.5 / 150.
    // q = 0.9: 0.9 × 5 = 4.5; 0.1 × 20 = 2; 0.1 × 10 = 1 → 7.5 / 150.
    expect(m.pinball?.q10).toBeCloseTo(4 / 150, 12);
    expect(m.pinball?.q50).toBeCloseTo(12.5 / 150, 12);
    expect(m.pinball?.q90).toBeCloseTo(7.5 / 150, 12);
    expect(m.pinball?.total).toBeCloseTo(24 / 150, 12);
  });

  it('MASE uses each point’s own scale and skips points without one', () => {
    // (20 / 10 + 10 / 10) / 2 = 1.5.
    expect(m.mase).toBeCloseTo(1.5, 12);
  });

  it('a point forecast is scored at every quantile and has no interval', () => {
    const p = accuracyMetrics([{ actual: 100, forecast: 80 }]);
    expect(p.coverage).toBeNull();
    // 0.1 × 20 + 0.5 × 20 + 0.9 × 20 = 30 → / 100.
    expect(p.pinball?.total).toBeCloseTo(0.3, 12);
  });

  it('undefined rather than NaN: no forecasts, or ΣA = 0', () => {
    const none = accuracyMetrics([{ actual: 10, forecast: null }]);
    expect(Object.values(none).filter((v) => typeof v === 'number' && Number.isNaN(v))).toEqual([]);
    expect([none.count, none.wape, none.mape, none.smape, none.me, none.mase]).toEqual([
      0,
      null,
      null,
      null,
      null,
      null,
    ]);
    const zero = accuracyMetrics([{ actual: 0, forecast: 5 }]);
    expect([zero.wape, zero.bias, zero.mape, zero.pinball]).toEqual([null, null, null, null]);
    expect(zero.smape).toBe(200);
  });
});

describe('seasonalNaiveScale', () => {
  it('is the in-sample MAE of the (seasonal) naive forecast', () => {
    // Naive: |12 − 10| + |11 − 12| + |15 − 11| = 7 over 3.
    expect(seasonalNaiveScale([10, 12, 11, 15], 1)).toBeCloseTo(7 / 3, 12);
    // Seasonal, m = 2: |11 − 10| + |15 − 12| = 4 over 2.
    expect(seasonalNaiveScale([10, 12, 11, 15], 2)).toBe(2);
    expect(seasonalNaiveScale([10, 12], 2)).toBeNull();
    expect(seasonalNaiveScale([5, 5, 5], 1)).toBeNull();
  });
});
