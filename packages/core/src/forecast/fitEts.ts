import { etsAdmissible } from './etsAdmissible.js';
import { etsFilter } from './etsFilter.js';
import { etsInitialState } from './etsInitialState.js';
import type { EtsParameters, EtsSpec } from './etsSpec.js';
import { nelderMead } from './nelderMead.js';
import type { SmoothingFit } from './smoothingFit.js';

/** Smoothing parameters to hold fixed (state-space form); the others are estimated. */
export interface EtsFixed {
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  readonly phi?: number;
}

/** R's default parameter bounds for `ets`: α, β, γ in [1e-4, 0.9999], φ in [0.8, 0.98]. */
const LOWER = [1e-4, 1e-4, 1e-4, 0.8] as const;
const UPPER = [0.9999, 0.9999, 0.9999, 0.98] as const;

/**
 * Fits an additive-error ETS model with optimised initial states, as R's `forecast:::etsmodel` does for
 * `ets(y, model, opt.crit = "mse", bounds = "both")` (the call behind `ses`, `holt` and `hw` with
 * `initial = "optimal"`): the free smoothing parameters and the initial states [ℓ₀, b₀?, s₀ … s₋ₘ₊₂] (the last
 * season makes the seasons sum to 0) minimise the in-sample mean squared one-step error, by R's Nelder–Mead search
 * (see {@link nelderMead}) from R's starting values (`initparam`: α = 1e-4 + 0.2 (0.9999 − 1e-4) / m, β and γ a tenth
 * and a twentieth of their range, φ = 0.9782; `initstate`: see {@link etsInitialState}), rejecting parameters
 * outside the usual bounds (β ≤ α, γ ≤ 1 − α) or the admissible region. σ² = SSE / (n − k), k = smoothing
 * parameters + estimated initial states. Null when there are too few observations (k ≥ n − 1).
 *
 * @example
 * fitEts([10, 12, 11, 13, 12, 14, 13, 15], { trend: false, damped: false, seasonal: false, period: 1 })?.params.alpha;
 */
export function fitEts(y: readonly number[], spec: EtsSpec, fixed: EtsFixed = {}): SmoothingFit | null {
  const n = y.length;
  const m = spec.seasonal ? spec.period : 1;
  const lower: number[] = [...LOWER];
  const upper: number[] = [...UPPER];
  if (fixed.alpha !== undefined) {
    upper[1] = Math.min(fixed.alpha, upper[1] as number);
    upper[2] = Math.min(1 - fixed.alpha, upper[2] as number);
  }
  if (fixed.beta !== undefined) lower[0] = Math.max(fixed.beta, lower[0] as number);
  if (fixed.gamma !== undefined) upper[0] = Math.min(1 - fixed.gamma, upper[0] as number);

  // Starting values (R's initparam with bounds = "both").
  const names: ('alpha' | 'beta' | 'gamma' | 'phi')[] = [];
  const x0: number[] = [];
  let alpha0 = fixed.alpha;
  if (alpha0 === undefined) {
    alpha0 = (lower[0] as number) + (0.2 * ((upper[0] as number) - (lower[0] as number))) / m;
    if (alpha0 > 1 || alpha0 < 0) alpha0 = (lower[0] as number) + 2e-3;
    names.push('alpha');
    x0.push(alpha0);
  }
  if (spec.trend && fixed.beta === undefined) {
    // Like R's initparam, the tighter upper bound only places the start; the search checks β ≤ α itself.
    const betaUpper = Math.min(upper[1] as number, alpha0);
    let beta0 = (lower[1] as number) + 0.1 * (betaUpper - (lower[1] as number));
    if (beta0 < 0 || beta0 > alpha0) beta0 = alpha0 - 1e-3;
    names.push('beta');
    x0.push(beta0);
  }
  if (spec.seasonal && fixed.gamma === undefined) {
    const gammaUpper = Math.min(upper[2] as number, 1 - alpha0);
    let gamma0 = (lower[2] as number) + 0.05 * (gammaUpper - (lower[2] as number));
    if (gamma0 < 0 || gamma0 > 1 - alpha0) gamma0 = 1 - alpha0 - 1e-3;
    names.push('gamma');
    x0.push(gamma0);
  }
  if (spec.trend && spec.damped && fixed.phi === undefined) {
    let phi0 = (lower[3] as number) + 0.99 * ((upper[3] as number) - (lower[3] as number));
    if (phi0 < 0 || phi0 > 1) phi0 = (upper[3] as number) - 1e-3;
    names.push('phi');
    x0.push(phi0);
  }
  const smoothingCount = names.length;
  const givenCount =
    (fixed.alpha !== undefined ? 1 : 0) +
    (spec.trend && fixed.beta !== undefined ? 1 : 0) +
    (spec.seasonal && fixed.gamma !== undefined ? 1 : 0) +
    (spec.trend && spec.damped && fixed.phi !== undefined ? 1 : 0);
  let start: number[];
  try {
    start = etsInitialState(y, spec);
  } catch {
    return null;
  }
  const stateCount = start.length;
  if (smoothingCount + stateCount >= n - 1) return null;
  x0.push(...start);

  const paramsOf = (x: readonly number[]): EtsParameters => {
    const get = (name: 'alpha' | 'beta' | 'gamma' | 'phi', given: number | undefined, otherwise: number) => {
      const i = names.indexOf(name);
      return i >= 0 ? (x[i] as number) : (given ?? otherwise);
    };
    return {
      alpha: get('alpha', fixed.alpha, 0),
      beta: spec.trend ? get('beta', fixed.beta, 0) : 0,
      gamma: spec.seasonal ? get('gamma', fixed.gamma, 0) : 0,
      phi: spec.trend && spec.damped ? get('phi', fixed.phi, 1) : 1,
    };
  };
  const stateOf = (x: readonly number[]): number[] => {
    const state = x.slice(smoothingCount);
    if (spec.seasonal) {
      const first = spec.trend ? 2 : 1;
      let sum = 0;
      for (let i = first; i < state.length; i++) sum += state[i] as number;
      state.push(-sum);
    }
    return state;
  };
  const valid = (p: EtsParameters): boolean => {
    if (names.includes('alpha') && (p.alpha < (lower[0] as number) || p.alpha > (upper[0] as number))) return false;
    if (names.includes('beta') && (p.beta < (lower[1] as number) || p.beta > p.alpha || p.beta > (upper[1] as number)))
      return false;
    if (names.includes('phi') && (p.phi < (lower[3] as number) || p.phi > (upper[3] as number))) return false;
    if (
      names.includes('gamma') &&
      (p.gamma < (lower[2] as number) || p.gamma > 1 - p.alpha || p.gamma > (upper[2] as number))
    )
      return false;
    return etsAdmissible(p.alpha, spec.trend ? p.beta : null, spec.seasonal ? p.gamma : null, p.phi, m);
  };
  const objective = (x: readonly number[]): number => {
    const p = paramsOf(x);
    if (!valid(p)) return Infinity;
    const mse = etsFilter(y, spec, p, stateOf(x)).sse / n;
    return Number.isNaN(mse) ? Infinity : mse;
  };
  const best = nelderMead(objective, x0);
  const params = paramsOf(best.x);
  const initialState = stateOf(best.x);
  const result = etsFilter(y, spec, params, initialState);
  const k = smoothingCount + givenCount + stateCount;
  return {
    spec,
    form: 'ets',
    params,
    initialState,
    finalState: result.finalState,
    fitted: result.fitted,
    residuals: result.residuals,
    sse: result.sse,
    sigma2: result.sse / (n - k),
    n,
  };
}
