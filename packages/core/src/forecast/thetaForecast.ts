import { autocorrelation } from './autocorrelation.js';
import { classicalDecomposition } from './classicalDecomposition.js';
import { NORMAL_Q90 } from './etsForecast.js';
import { etsFilter } from './etsFilter.js';
import { exponentialSmoothing } from './exponentialSmoothing.js';
import { linearTrend } from './linearTrend.js';

/** R's `qnorm(0.95)`, the one-sided 5% point of the seasonality test. */
const NORMAL_Q95 = 1.6448536269514722;

export interface ThetaForecast {
  readonly mean: number[];
  readonly lower80: number[];
  readonly upper80: number[];
  /** One-step fitted values of the underlying simple exponential smoothing (re-seasonalised). */
  readonly fitted: number[];
  readonly alpha: number;
  /** Half the slope of the straight line through the (seasonally adjusted) series. */
  readonly drift: number;
  readonly seasonal: boolean;
  readonly sigma2: number;
}

export interface ThetaOptions {
  /** Observations per year (4 quarterly, 12 monthly). */
  readonly frequency: number;
  readonly h: number;
  /** Use this simple exponential smoothing (state-space α and ℓ₀) instead of fitting one. */
  readonly ses?: { readonly alpha: number; readonly level: number };
}

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) as R's `forecast::thetaf` implements it (Hyndman &
 * Billah 2003: simple exponential smoothing with drift): when frequency m > 1, the series is not constant, n > 2m
 * and |r_m| / √((1 + 2 Σₖ₌₁ᵐ⁻¹ rₖ²) / n) > qnorm(0.95), the series is divided by a classical multiplicative
 * seasonal figure; simple exponential smoothing (`ses`, see {@link exponentialSmoothing}) is fitted to it, and the
 * h-step forecast is ses + b (h − 1 + (1 − (1 − α)ⁿ) / α) with b half the least-squares slope, multiplied back by the
 * figure; the 80% interval is ± qnorm(0.9) σ √((h − 1) α² + 1) with σ² the ses residual variance. Null for an
 * empty series.
 *
 * @example
 * thetaForecast([102, 98, 110, 115, 111, 120, 126, 124], { frequency: 1, h: 1 })?.mean[0];
 */
export function thetaForecast(y: readonly number[], options: ThetaOptions): ThetaForecast | null {
  const n = y.length;
  const m = options.frequency;
  const { h } = options;
  if (n === 0 || y.some((v) => !Number.isFinite(v))) return null;
  let seasonal = false;
  if (m > 1 && !isConstant(y) && n > 2 * m) {
    const r = autocorrelation(y, m);
    let sum = 0;
    for (let k = 0; k < m - 1; k++) sum += (r[k] ?? 0) ** 2;
    const stat = Math.sqrt((1 + 2 * sum) / n);
    seasonal = Math.abs(r[m - 1] ?? 0) / stat > NORMAL_Q95;
  }
  let x: readonly number[] = y;
  let figure: readonly number[] | null = null;
  if (seasonal) {
    const decomposition = classicalDecomposition(y, m, 'multiplicative');
    // Seasonal indexes close to zero: thetaf warns and goes on without seasons.
    if (decomposition && decomposition.figure.every((s) => Math.abs(s) >= 1e-4)) {
      figure = decomposition.figure;
      x = y.map((v, t) => v / (decomposition.seasonal[t] as number));
    }
  }
  let alpha: number;
  let level: number;
  let sigma2: number;
  let fittedSes: ArrayLike<number>;
  const spec = { trend: false, damped: false, seasonal: false, period: 1 };
  if (options.ses) {
    const run = etsFilter(x, spec, { alpha: options.ses.alpha, beta: 0, gamma: 0, phi: 1 }, [options.ses.level]);
    alpha = options.ses.alpha;
    level = run.finalState[0] as number;
    sigma2 = run.sse / (n - 2);
    fittedSes = run.fitted;
  } else {
    const fit = exponentialSmoothing(x, { model: 'ses', frequency: m });
    if (!fit) return null;
    alpha = fit.params.alpha;
    level = fit.finalState[0] as number;
    sigma2 = fit.sigma2;
    fittedSes = fit.fitted;
  }
  const line = linearTrend(
    x.map((_, i) => i),
    x,
  );
  const drift = (line?.slope ?? 0) / 2;
  const a = Math.max(1e-10, alpha);
  const mean: number[] = [];
  const lower80: number[] = [];
  const upper80: number[] = [];
  for (let j = 1; j <= h; j++) {
    let mu = level + drift * (j - 1 + (1 - (1 - a) ** n) / a);
    if (figure) mu *= figure[(n + j - 1) % m] as number;
    const se = Math.sqrt(sigma2) * Math.sqrt((j - 1) * a * a + 1);
    mean.push(mu);
    lower80.push(mu - NORMAL_Q90 * se);
    upper80.push(mu + NORMAL_Q90 * se);
  }
  const fitted = Array.from(fittedSes, (v, t) => (figure ? v * (figure[t % m] as number) : v));
  return { mean, lower80, upper80, fitted, alpha: a, drift, seasonal: figure !== null, sigma2 };
}

/** R's `forecast:::is.constant`: every value equal to the first within `all.equal`'s tolerance (1.5e-8). */
function isConstant(y: readonly number[]): boolean {
  const first = y[0] as number;
  let diff = 0;
  let scale = 0;
  for (const v of y) {
    diff += Math.abs(v - first);
    scale += Math.abs(v);
  }
  const relative = scale > 0 ? diff / scale : diff;
  return relative < 1.5e-8;
}
