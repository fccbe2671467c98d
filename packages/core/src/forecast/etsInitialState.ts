import { classicalDecomposition } from './classicalDecomposition.js';
import type { EtsSpec } from './etsSpec.js';
import { leastSquares } from './leastSquares.js';
import { linearTrend } from './linearTrend.js';

/**
 * Starting values of the initial states for the ETS optimiser, chosen as R's `forecast:::initstate` chooses them
 * (additive models): seasons from a classical additive decomposition (with at least three cycles) or from the
 * residuals of a regression on a linear trend and one pair of Fourier terms (fewer cycles), given as
 * [s₀, s₋₁, …, s₋ₘ₊₂] (the last season follows from the sum-to-zero constraint); then, on the seasonally adjusted
 * first max(10, 2m) observations, ℓ₀ = their mean (no trend) or the intercept and b₀ the slope of a straight line.
 * The result is [ℓ₀, b₀?, s₀ … s₋ₘ₊₂].
 *
 * @example
 * etsInitialState([1, 2, 3, 4], { trend: true, damped: false, seasonal: false, period: 1 }); // [0, 1] (ℓ₀ = 0, b₀ = 1)
 */
export function etsInitialState(y: readonly number[], spec: EtsSpec): number[] {
  const n = y.length;
  let adjusted: readonly number[] = y;
  let seasons: number[] = [];
  if (spec.seasonal) {
    const m = spec.period;
    if (n < 4) throw new RangeError('etsInitialState: not enough data');
    let detrended: readonly number[];
    if (n < 3 * m) {
      const t = Array.from({ length: n }, (_, i) => i + 1);
      const sin = t.map((i) => Math.sin((2 * Math.PI * i) / m));
      const cos = t.map((i) => Math.cos((2 * Math.PI * i) / m));
      const columns = m === 2 ? [t.map(() => 1), t, cos] : [t.map(() => 1), t, sin, cos];
      const beta = leastSquares(columns, y);
      if (!beta) throw new RangeError('etsInitialState: the seasonal regression is singular');
      detrended = y.map((v, i) => v - (beta[0] as number) - (beta[1] as number) * (i + 1));
    } else {
      const decomposition = classicalDecomposition(y, m, 'additive');
      if (!decomposition) throw new RangeError('etsInitialState: not enough data');
      detrended = decomposition.seasonal;
    }
    seasons = detrended.slice(1, m).reverse();
    adjusted = y.map((v, i) => v - (detrended[i] as number));
  }
  const maxn = Math.min(Math.max(10, 2 * (spec.seasonal ? spec.period : 1)), n);
  const head = adjusted.slice(0, maxn);
  if (!spec.trend) return [head.reduce((s, v) => s + v, 0) / maxn, ...seasons];
  const line = linearTrend(
    head.map((_, i) => i + 1),
    head,
  );
  let l0 = line?.intercept ?? (head[0] as number);
  let b0 = line?.slope ?? 0;
  if (Math.abs(l0 + b0) < 1e-8) {
    l0 *= 1 + 0.001;
    b0 *= 1 - 0.001;
  }
  return [l0, b0, ...seasons];
}
