import type { EtsFilterResult } from './etsFilter.js';
import type { EtsParameters, EtsSpec } from './etsSpec.js';

/** The "simple" start of the Holt–Winters recursions, as R's `forecast:::HoltWintersZZ` sets it. */
export interface HoltWintersStart {
  readonly level: number;
  readonly trend: number;
  /** Seasonal starts for the first cycle, oldest first (s₁ is used for y₁); empty without seasons. */
  readonly season: readonly number[];
}

/**
 * The simple start of R's `ses/holt/hw(initial = "simple")`: without seasons ℓ₀ = y₁ and b₀ = y₂ − y₁; with
 * seasons ℓ₀ = mean of the first cycle, b₀ = (mean of the second cycle − ℓ₀) / m and sᵢ = yᵢ − ℓ₀.
 *
 * @example
 * holtWintersStart([10, 12, 15], { trend: true, damped: false, seasonal: false, period: 1 }); // ℓ₀ 10, b₀ 2
 */
export function holtWintersStart(y: readonly number[], spec: EtsSpec): HoltWintersStart {
  if (!spec.seasonal) {
    return { level: y[0] as number, trend: spec.trend ? (y[1] as number) - (y[0] as number) : 0, season: [] };
  }
  const m = spec.period;
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += y[i] as number;
    second += y[m + i] as number;
  }
  const level = first / m;
  return {
    level,
    trend: spec.trend ? (second / m - level) / m : 0,
    season: y.slice(0, m).map((v) => v - level),
  };
}

/**
 * Runs the Holt–Winters recursions in their classical (smoothing) form, as R's `forecast:::zzhw` does for the
 * additive models: ŷ = ℓ + φb + s; ℓ ← α(y − s) + (1 − α)(ℓ + φb); b ← β*(ℓ_new − ℓ) + (1 − β*)φb;
 * s_new ← γ(y − ℓ − φb) + (1 − γ)s (with the level and trend before the update). `params.beta` is β*.
 * The final state is given in R's `ets` order (level, trend, seasons most recent first).
 *
 * @example
 * holtWintersFilter([3, 5], { trend: false, damped: false, seasonal: false, period: 1 },
 *   { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, { level: 3, trend: 0, season: [] }).sse; // 0² + 2² = 4
 */
export function holtWintersFilter(
  y: readonly number[],
  spec: EtsSpec,
  params: EtsParameters,
  start: HoltWintersStart,
): EtsFilterResult {
  const n = y.length;
  const m = spec.seasonal ? spec.period : 0;
  const { alpha } = params;
  const beta = spec.trend ? params.beta : 0;
  const gamma = spec.seasonal ? params.gamma : 0;
  const phi = spec.trend && spec.damped ? params.phi : 1;
  let level = start.level;
  let trend = spec.trend ? start.trend : 0;
  // season[t] for t < m are the starts; season[m + t] is the season computed at observation t.
  const season = new Float64Array(m + n);
  for (let i = 0; i < m; i++) season[i] = start.season[i] as number;
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const lastSeason = m > 0 ? (season[t] as number) : 0;
    const yhat = level + phi * trend + lastSeason;
    const x = y[t] as number;
    const res = x - yhat;
    fitted[t] = yhat;
    residuals[t] = res;
    sse += res * res;
    const newLevel = alpha * (x - lastSeason) + (1 - alpha) * (level + phi * trend);
    const newTrend = beta * (newLevel - level) + (1 - beta) * phi * trend;
    if (m > 0) season[m + t] = gamma * (x - level - phi * trend) + (1 - gamma) * lastSeason;
    level = newLevel;
    trend = newTrend;
  }
  const finalState = new Float64Array(1 + (spec.trend ? 1 : 0) + m);
  finalState[0] = level;
  if (spec.trend) finalState[1] = trend;
  const offset = spec.trend ? 2 : 1;
  for (let k = 0; k < m; k++) finalState[offset + k] = season[m + n - 1 - k] as number;
  return { fitted, residuals, sse, finalState };
}
