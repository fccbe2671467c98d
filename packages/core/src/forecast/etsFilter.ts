import { etsStateCount, type EtsParameters, type EtsSpec } from './etsSpec.js';

/** What running a model through a series gives. */
export interface EtsFilterResult {
  /** One-step-ahead fitted values ŷₜ. */
  readonly fitted: Float64Array;
  /** yₜ − ŷₜ. */
  readonly residuals: Float64Array;
  /** Σ residuals². */
  readonly sse: number;
  /** The state vector after the last observation: level, trend (if any), seasonal states most recent first. */
  readonly finalState: Float64Array;
}

/**
 * Runs an additive-error exponential-smoothing model in state-space (error-correction) form through `y`, from
 * `initialState` = [ℓ₀, b₀?, s₀, s₋₁, …, s₋ₘ₊₁] (R's `ets` state order: the seasonal state used for y₁ is the last).
 * With one-step forecast ŷ = ℓ + φb + sₘ and error e = y − ŷ:
 * ℓ ← ℓ + φb + αe; b ← φb + βe; the new season s ← sₘ + γe joins the front and sₘ drops off.
 * These are the recursions of R's `forecast:::pegelsresid.C` (C routine `etscalc`) for ETS(A,N,N), (A,A,N),
 * (A,Ad,N) and (A,A,A).
 *
 * @example
 * etsFilter([3, 5], { trend: false, damped: false, seasonal: false, period: 1 },
 *   { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, [4]).fitted; // [4, 3.5]
 */
export function etsFilter(
  y: readonly number[],
  spec: EtsSpec,
  params: EtsParameters,
  initialState: readonly number[],
): EtsFilterResult {
  const p = etsStateCount(spec);
  if (initialState.length !== p) throw new RangeError(`etsFilter: expected ${p} initial states`);
  const n = y.length;
  const m = spec.seasonal ? spec.period : 0;
  const phi = spec.trend ? (spec.damped ? params.phi : 1) : 0;
  const { alpha } = params;
  const beta = spec.trend ? params.beta : 0;
  const gamma = spec.seasonal ? params.gamma : 0;
  let level = initialState[0] as number;
  let trend = spec.trend ? (initialState[1] as number) : 0;
  const seasonStart = spec.trend ? 2 : 1;
  // Seasonal states as a ring: season[(head + k) % m] is the k-th most recent (k = 0 newest).
  const season = new Float64Array(m);
  for (let k = 0; k < m; k++) season[k] = initialState[seasonStart + k] as number;
  let head = 0;
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const oldestIndex = m > 0 ? (head + m - 1) % m : 0;
    const oldSeason = m > 0 ? (season[oldestIndex] as number) : 0;
    const phiB = phi * trend;
    const q = level + phiB;
    const forecast = q + oldSeason;
    const e = (y[t] as number) - forecast;
    fitted[t] = forecast;
    residuals[t] = e;
    sse += e * e;
    const newLevel = q + alpha * (spec.seasonal ? (y[t] as number) - oldSeason - q : e);
    if (spec.trend) trend = phiB + (beta / alpha) * (newLevel - level - phiB);
    if (m > 0) {
      // The new season replaces the oldest slot and becomes the most recent.
      season[oldestIndex] = oldSeason + gamma * ((y[t] as number) - q - oldSeason);
      head = oldestIndex;
    }
    level = newLevel;
  }
  const finalState = new Float64Array(p);
  finalState[0] = level;
  if (spec.trend) finalState[1] = trend;
  for (let k = 0; k < m; k++) finalState[seasonStart + k] = season[(head + k) % m] as number;
  return { fitted, residuals, sse, finalState };
}
