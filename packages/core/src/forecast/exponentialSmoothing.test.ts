import { describe, expect, it } from 'vitest';
import { autocorrelation } from './autocorrelation.js';
import { boxMinimize } from './boxMinimize.js';
import { classicalDecomposition } from './classicalDecomposition.js';
import { etsAdmissible } from './etsAdmissible.js';
import { etsFilter } from './etsFilter.js';
import { etsForecast, NORMAL_Q90 } from './etsForecast.js';
import { etsInitialState } from './etsInitialState.js';
import { exponentialSmoothing } from './exponentialSmoothing.js';
import { holtWintersFilter, holtWintersStart } from './holtWintersFilter.js';
import { leastSquares } from './leastSquares.js';
import { linearTrend } from './linearTrend.js';
import { nelderMead } from './nelderMead.js';
import { polynomialRoots } from './polynomialRoots.js';
import { smoothingForecast } from './smoothingForecast.js';
import { thetaForecast } from './thetaForecast.js';
import { timeSeriesForecast } from './timeSeriesForecast.js';

const NONE = { trend: false, damped: false, seasonal: false, period: 1 };
const TREND = { trend: true, damped: false, seasonal: false, period: 1 };

describe('ETS recursions (state-space form, as R’s etscalc)', () => {
  it('simple exponential smoothing', () => {
    // ℓ₀ = 4, α = ½: ŷ₁ = 4, e = −1, ℓ = 3.5; ŷ₂ = 3.5, e = 1.5, ℓ = 4.25.
    const r = etsFilter([3, 5], NONE, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, [4]);
    expect(Array.from(r.fitted)).toEqual([4, 3.5]);
    expect(r.sse).toBe(3.25);
    expect(Array.from(r.finalState)).toEqual([4.25]);
  });

  it('Holt: the trend moves by β e', () => {
    // ℓ₀ = 8, b₀ = 1, α = ½, β = 0.2: ŷ₁ = 9, e = 1 → ℓ = 9.5, b = 1.2; ŷ₂ = 10.7, e = 2.3 → ℓ = 11.85, b = 1.66.
    const p = { alpha: 0.5, beta: 0.2, gamma: 0, phi: 1 };
    const r = etsFilter([10, 13], TREND, p, [8, 1]);
    expect(r.fitted[1]).toBeCloseTo(10.7, 12);
    expect(r.finalState[0]).toBeCloseTo(11.85, 12);
    expect(r.finalState[1]).toBeCloseTo(1.66, 12);
    // Forecasts 11.85 + 1.66 h; variances σ² (1 + Σ cⱼ²) with c₁ = α + β = 0.7: 1, 1.49.
    const f = etsForecast(TREND, p, r.finalState, 1, 2);
    expect(f.mean[0]).toBeCloseTo(13.51, 12);
    expect(f.mean[1]).toBeCloseTo(15.17, 12);
    expect(f.variance).toEqual([1, 1 + 0.7 * 0.7]);
    expect(f.upper80[0]! - f.mean[0]!).toBeCloseTo(NORMAL_Q90, 12);
  });

  it('damped trend: forecasts add φ + φ² + … of the trend', () => {
    const spec = { ...TREND, damped: true };
    const f = etsForecast(spec, { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9 }, [100, 10], 4, 2);
    // 100 + 0.9 × 10 = 109; 100 + (0.9 + 0.81) × 10 = 117.1; c₁ = 0.5 + 0.1 × 0.9 = 0.59.
    expect(f.mean[0]).toBeCloseTo(109, 12);
    expect(f.mean[1]).toBeCloseTo(117.1, 12);
    expect(f.variance[1]).toBeCloseTo(4 * (1 + 0.59 * 0.59), 12);
  });

  it('additive seasons: the oldest season is used, the new one joins the front', () => {
    const spec = { trend: false, damped: false, seasonal: true, period: 2 };
    const p = { alpha: 0.5, beta: 0, gamma: 0.5, phi: 1 };
    // ℓ₀ = 6, seasons [s₀ = 2, s₋₁ = −2]: ŷ₁ = 6 − 2 = 4, e = 1, ℓ = 6.5, new season −2 + ½ × 1 = −1.5.
    // ŷ₂ = 6.5 + 2 = 8.5, e = 0.5, ℓ = 6.75, new season 2 + ½ × 0.5 = 2.25.
    const r = etsFilter([5, 9], spec, p, [6, 2, -2]);
    expect(Array.from(r.fitted)).toEqual([4, 8.5]);
    expect(Array.from(r.finalState)).toEqual([6.75, 2.25, -1.5]);
    // Next: 6.75 − 1.5 = 5.25, then 6.75 + 2.25 = 9; c₂ includes γ (2 mod 2 = 0).
    const f = etsForecast(spec, p, r.finalState, 1, 3);
    expect(f.mean).toEqual([5.25, 9, 5.25]);
    expect(f.variance).toEqual([1, 1 + 0.25, 1 + 0.25 + 1]);
  });
});

describe('Holt–Winters recursions from the simple start (R’s HoltWintersZZ)', () => {
  it('simple starts', () => {
    expect(holtWintersStart([10, 12, 15], TREND)).toEqual({ level: 10, trend: 2, season: [] });
    // m = 4: ℓ₀ = 2.5, b₀ = (4.5 − 2.5) / 4 = 0.5, s = y₁…₄ − 2.5.
    expect(
      holtWintersStart([1, 3, 2, 4, 3, 5, 4, 6], { trend: true, damped: false, seasonal: true, period: 4 }),
    ).toEqual({
      level: 2.5,
      trend: 0.5,
      season: [-1.5, 0.5, -0.5, 1.5],
    });
  });

  it('the smoothing form', () => {
    const r = holtWintersFilter(
      [3, 5],
      NONE,
      { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      holtWintersStart([3, 5], NONE),
    );
    expect(r.sse).toBe(4);
    // Holt, α = β* = ½, ℓ₀ = 10, b₀ = 2: ŷ₁ = 12 (y₁ = 10) → ℓ = 11, b = ½ × 1 + ½ × 2 = 1.5;
    // ŷ₂ = 12.5 (12) → ℓ = 12.25, b = ½ × 1.25 + ½ × 1.5 = 1.375; ŷ₃ = 13.625 (15) → ℓ = 14.3125,
    // b = ½ × 2.0625 + ½ × 1.375 = 1.71875.
    const h = holtWintersFilter(
      [10, 12, 15],
      TREND,
      { alpha: 0.5, beta: 0.5, gamma: 0, phi: 1 },
      holtWintersStart([10, 12, 15], TREND),
    );
    expect(Array.from(h.fitted)).toEqual([12, 12.5, 13.625]);
    expect(Array.from(h.finalState)).toEqual([14.3125, 1.71875]);
  });
});

describe('fitting like R', () => {
  it('falls back to the simple start for short series, as ets does (n ≤ k + 4)', () => {
    const y = [12, 15, 11, 16, 14, 18, 17, 19, 21, 20];
    expect(exponentialSmoothing(y.slice(0, 6), { model: 'ses', frequency: 1 })?.form).toBe('holtWinters');
    expect(exponentialSmoothing(y.slice(0, 7), { model: 'ses', frequency: 1 })?.form).toBe('ets');
    expect(exponentialSmoothing(y.slice(0, 8), { model: 'holt', frequency: 1 })?.form).toBe('holtWinters');
    // Damped Holt on 9 points: simple start and no damping (R warns "Not enough data to use damping").
    const damped = exponentialSmoothing(y.slice(0, 9), { model: 'dampedHolt', frequency: 1 })!;
    expect([damped.form, damped.spec.damped]).toEqual(['holtWinters', false]);
    expect(exponentialSmoothing(y, { model: 'dampedHolt', frequency: 1 })?.spec.damped).toBe(true);
    expect(exponentialSmoothing(y, { model: 'holtWinters', frequency: 4 })?.spec.seasonal).toBe(true);
    expect(exponentialSmoothing(y.slice(0, 7), { model: 'holtWinters', frequency: 4 })).toBeNull(); // < 2 cycles
    expect(exponentialSmoothing([], { model: 'ses', frequency: 1 })).toBeNull();
  });

  it('a straight line is fitted exactly by Holt', () => {
    const y = Array.from({ length: 12 }, (_, i) => 100 + 7 * i);
    const fit = exponentialSmoothing(y, { model: 'holt', frequency: 1 })!;
    expect(fit.form).toBe('ets');
    expect(smoothingForecast(fit, 1).mean[0]).toBeCloseTo(184, 3);
    expect(timeSeriesForecast(y, 1, 1)?.model).toBe('holt');
  });

  it('initial states as R’s initstate chooses them', () => {
    // Non-seasonal with a trend: a line through the first 10 points.
    expect(etsInitialState([1, 2, 3, 4], TREND).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 1]);
    expect(etsInitialState([2, 4, 6], NONE)).toEqual([4]);
  });
});

describe('Theta (R’s thetaf)', () => {
  it('SES plus half the slope', () => {
    // SES with α = 1, ℓ₀ = 2 on 2, 4, 6, 8: errors 0, 2, 2, 2 (SSE 12, σ² = 12 / (4 − 2) = 6), final level 8.
    // Drift b = slope / 2 = 1; forecast 8 + b (h − 1 + (1 − 0⁴) / 1) = 8 + h.
    const t = thetaForecast([2, 4, 6, 8], { frequency: 1, h: 2, ses: { alpha: 1, level: 2 } })!;
    expect(t.mean).toEqual([9, 10]);
    expect(t.drift).toBe(1);
    expect(t.sigma2).toBe(6);
    // se = √6 √((h − 1) α² + 1).
    expect(t.lower80[1]).toBeCloseTo(10 - NORMAL_Q90 * Math.sqrt(6) * Math.sqrt(2), 12);
    expect(t.seasonal).toBe(false);
  });
});

describe('numerical helpers', () => {
  it('nelderMead finds a quadratic’s minimum', () => {
    const r = nelderMead((x) => (x[0]! - 1) ** 2 + 3 * (x[1]! + 2) ** 2, [0, 0], { relativeTolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(-2, 5);
    expect(r.status).toBe(0);
  });

  it('boxMinimize stops at a bound', () => {
    const r = boxMinimize((x) => (x[0]! - 2) ** 2 + (x[1]! - 0.3) ** 2, [0.5, 0.5], [0, 0], [1, 1]);
    expect(r.x[0]).toBe(1);
    expect(r.x[1]).toBeCloseTo(0.3, 4);
  });

  it('polynomialRoots', () => {
    const moduli = (c: number[]) =>
      polynomialRoots(c)
        .map((z) => Math.round(Math.hypot(z.re, z.im) * 1e9) / 1e9)
        .sort((a, b) => a - b);
    expect(moduli([-1, 0, 1])).toEqual([1, 1]);
    // (z − 2)(z + ½)(z² + 1) = z⁴ − 1.5z³ + 0z² − 1.5z − 1 … in increasing order: [−1, −1.5, 0, −1.5, 1].
    expect(moduli([-1, -1.5, 0, -1.5, 1])).toEqual([0.5, 1, 1, 2]);
  });

  it('etsAdmissible', () => {
    expect(etsAdmissible(0.5, null, null, 1, 1)).toBe(true);
    expect(etsAdmissible(2.5, null, null, 1, 1)).toBe(false);
    expect(etsAdmissible(0.3, 0.1, 0.2, 1, 4)).toBe(true);
    expect(etsAdmissible(0.3, 0.1, 1.9, 1, 4)).toBe(false);
  });

  it('leastSquares and linearTrend', () => {
    const beta = leastSquares(
      [
        [1, 1, 1],
        [1, 2, 3],
      ],
      [2, 4, 6],
    )!;
    expect(beta[0]).toBeCloseTo(0, 12);
    expect(beta[1]).toBeCloseTo(2, 12);
    expect(
      leastSquares(
        [
          [1, 1],
          [2, 2],
        ],
        [1, 2],
      ),
    ).toBeNull();
    expect(linearTrend([0, 1, 2], [1, 3, 5])).toEqual({ intercept: 1, slope: 2 });
    expect(linearTrend([1, 1], [1, 2])).toBeNull();
  });

  it('classicalDecomposition and autocorrelation', () => {
    // Centred 2×2 moving average of 1, 3, 1, 3, 1, 3 is 2 inside; de-trended ±1 → figure [−1, 1].
    expect(classicalDecomposition([1, 3, 1, 3, 1, 3], 2, 'additive')?.figure).toEqual([-1, 1]);
    expect(classicalDecomposition([1, 3, 1], 2, 'additive')).toBeNull();
    // Deviations −1.5, −0.5, 0.5, 1.5: c₀ = 5, c₁ = 0.75 − 0.25 + 0.75 = 1.25 → 0.25.
    expect(autocorrelation([1, 2, 3, 4], 1)).toEqual([0.25]);
    expect(autocorrelation([2, 2, 2], 1)).toEqual([]);
  });
});
